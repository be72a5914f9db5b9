; Inno Setup script: the Windows setup program of Mediation Desk (调解工作台).
;
; Build on Windows, after the PyInstaller bundle (see README, "Windows release"):
;   .venv\Scripts\pyinstaller --noconfirm build_installer.spec
;   dist\mediation-desk\mediation-desk-cli.exe selftest
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" installer\mediation-desk.iss
; -> dist\MediationDesk-<version>-setup.exe
;
; The version is read from the bundle's executable, whose version resource the spec made
; from pyproject.toml: one source. The app goes to Program Files with a start-menu entry; the
; case data stay in %LOCALAPPDATA%\MediationDesk, which this setup never writes and its
; uninstaller never removes (a reinstall finds the cases where they were).

#define Bundle SourcePath + "..\dist\mediation-desk"
#define AppExe "mediation-desk.exe"
#define CliExe "mediation-desk-cli.exe"
#ifndef AppVersion
  #define AppVersion GetStringFileInfo(Bundle + "\" + AppExe, "ProductVersion")
#endif

[Setup]
; The AppId identifies the app across versions (upgrades replace it in place): never change it.
AppId={{6F1C2B9E-4D7A-4E21-9C3B-5A8D2E7F1B40}
AppName=调解工作台 Mediation Desk
AppVersion={#AppVersion}
AppVerName=调解工作台 Mediation Desk {#AppVersion}
AppPublisher=Mediation Desk
DefaultDirName={autopf}\MediationDesk
DefaultGroupName=调解工作台 Mediation Desk
DisableProgramGroupPage=yes
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Qt 6 on Windows uses the system's ICU (icu.dll): Windows 10 1903 or later.
MinVersion=10.0.18362
SetupIconFile=..\resources\icons\mediation-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName=调解工作台 Mediation Desk
OutputDir=..\dist
OutputBaseFilename=MediationDesk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.SelfTestRunning=Checking the installation (mediation-desk-cli selftest)...
en.SelfTestFailed=The installation check did not pass. The program may not work on this computer.%n%n%1%n%nPlease send this message to your IT support.
en.DesktopIcon=Create a desktop shortcut
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
zh_CN.SelfTestRunning=正在检查安装（mediation-desk-cli selftest）…
zh_CN.SelfTestFailed=安装检查未通过，程序在这台电脑上可能无法正常运行。%n%n%1%n%n请把这条信息发给技术支持人员。
zh_CN.DesktopIcon=创建桌面快捷方式
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\调解工作台 Mediation Desk"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\调解工作台 Mediation Desk"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,调解工作台 Mediation Desk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the app itself may have left inside its program folder (compiled migrations).
; The data folder %LOCALAPPDATA%\MediationDesk is kept: cases, backups, signing key, logs.
Type: filesandordirs; Name: "{app}\_internal\db\migrations\__pycache__"
Type: filesandordirs; Name: "{app}\_internal\db\migrations\versions\__pycache__"

[Code]
{ After the files are in place, run the bundle's own check; warn (do not fail) when it does
  not pass, with its one-line verdict, so that a broken laptop is known on the day of install. }
procedure CurStepChanged(CurStep: TSetupStep);
var
  ResultCode: Integer;
  Output: String;
  Lines: TArrayOfString;
  LogFile: String;
begin
  if CurStep <> ssPostInstall then
    Exit;
  WizardForm.StatusLabel.Caption := CustomMessage('SelfTestRunning');
  LogFile := ExpandConstant('{tmp}\selftest.txt');
  if Exec(ExpandConstant('{cmd}'),
          '/C ""' + ExpandConstant('{app}\{#CliExe}') + '" selftest > "' + LogFile + '" 2>&1"',
          ExpandConstant('{tmp}'), SW_HIDE, ewWaitUntilTerminated, ResultCode)
     and (ResultCode = 0) then
    Exit;
  Output := '';
  if LoadStringsFromFile(LogFile, Lines) and (GetArrayLength(Lines) > 0) then
    Output := Lines[0];
  if not WizardSilent then
    MsgBox(FmtMessage(CustomMessage('SelfTestFailed'), [Output]), mbError, MB_OK);
end;
