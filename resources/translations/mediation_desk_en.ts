<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AccountsTab</name>
    <message>
        <location filename="../../ui/views/settings/accounts.py" line="+92"/>
        <source>用户账户</source>
        <translation>User accounts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>账户由主管添加和管理；您可以修改自己的密码。</source>
        <translation>Accounts are added and managed by a supervisor; you can change your own password.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>添加账户…</source>
        <translation>Add account…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重置密码…</source>
        <translation>Reset password…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+80"/>
        <source>停用账户</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>修改我的密码…</source>
        <translation>Change my password…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>自动锁定</source>
        <translation>Automatic lock</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无操作</source>
        <translation>Lock after</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 分钟</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>后锁定，须输入密码才能继续（Ctrl+L 可随时锁定）。</source>
        <translation>without activity; the password is then needed to go on (Ctrl+L locks at any time).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已停用</source>
        <translation>Deactivated</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>启用账户</source>
        <translation>Reactivate</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已添加账户“%1”。</source>
        <translation>Account “%1” added.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已为“%1”设置新密码。</source>
        <translation>New password set for “%1”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>您的密码已修改。</source>
        <translation>Your password has been changed.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已启用“%1”。</source>
        <translation>“%1” reactivated.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>已停用“%1”。</source>
        <translation>“%1” deactivated.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>无操作 %1 分钟后锁定。</source>
        <translation>Locks after %1 minutes without activity.</translation>
    </message>
</context>
<context>
    <name>AddEvidenceDialog</name>
    <message>
        <location filename="../../ui/views/documents/evidence_dialog.py" line="+49"/>
        <source>添加证据 — %1</source>
        <translation>Add evidence — %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证据种类</source>
        <translation>Kind of evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>选择证据文件</source>
        <translation>Choose the evidence file</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>请选择证据文件。</source>
        <translation>Choose the evidence file.</translation>
    </message>
</context>
<context>
    <name>AppLock</name>
    <message>
        <location filename="../../ui/app_lock.py" line="+138"/>
        <source>调解工作台</source>
        <translation>Mediation Desk</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>自动备份失败</source>
        <translation>Automatic backup failed</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>调解工作台 — 创建主管账户</source>
        <translation>Mediation Desk — create the supervisor account</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>调解工作台 — 登录</source>
        <translation>Mediation Desk — sign in</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>无法打开案件库</source>
        <translation>Cannot open the case store</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>调解工作台已锁定</source>
        <translation>Mediation Desk is locked</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>已切换为 %1。</source>
        <translation>Switched to %1.</translation>
    </message>
</context>
<context>
    <name>ApprovalsDialog</name>
    <message>
        <location filename="../../ui/views/settlement/approvals.py" line="+59"/>
        <source>待债权人批准</source>
        <translation>Waiting for the creditor&apos;s approval</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>和解金额</source>
        <translation>Settled total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超出授权事项</source>
        <translation>Outside the mandate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>申请日</source>
        <translation>Requested</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>生成申请书…</source>
        <translation>Approval request PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出全部待批准（xlsx）…</source>
        <translation>Export all pending (xlsx)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>记录批复…</source>
        <translation>Record the answer…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>共 %1 项待债权人批准。</source>
        <translation>%1 waiting for the creditor&apos;s approval.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>没有待债权人批准的申请。</source>
        <translation>Nothing is waiting for a creditor&apos;s approval.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>保存申请书</source>
        <translation>Save the approval request</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>导出待批准</source>
        <translation>Export pending approvals</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已保存。</source>
        <translation>Saved.</translation>
    </message>
</context>
<context>
    <name>BackupTab</name>
    <message>
        <location filename="../../ui/views/settings/backup.py" line="+87"/>
        <source>只有主管可以从备份恢复；您可以立即备份。</source>
        <translation>Only a supervisor can restore from a backup; you can back up now.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>立即备份</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从备份恢复…</source>
        <translation>Restore from backup…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>备份文件夹</source>
        <translation>Backup folder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>更改…</source>
        <translation>Change…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>打开文件夹</source>
        <translation>Open folder</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>每天第一次打开案件库时自动备份到这里，保留最近 %1 份；升级案件库和恢复之前也会自动备份（在数据目录的 backups 文件夹中）。备份文件已加密，只能用本机的密钥或案件库的恢复码打开。可以选择 U 盘或移动硬盘上的文件夹。</source>
        <translation>The case store is backed up here automatically the first time it is opened each day; the latest %1 are kept. It is also backed up before every upgrade and every restore (in the backups folder of the data folder). Backups are encrypted and open only with this computer&apos;s key or the store&apos;s recovery code. A folder on a USB drive or external disk is fine.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>（还没有备份）</source>
        <translation>(no backups yet)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>每日自动</source>
        <translation>Daily</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手动</source>
        <translation>Manual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>恢复前</source>
        <translation>Before restore</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>升级前</source>
        <translation>Before upgrade</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>选择备份文件夹</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>正在备份…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已备份（已加密）：%1</source>
        <translation>Backed up (encrypted): %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>从备份恢复</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>要用 %1 的备份替换现在的案件库吗？</source>
        <translation>Replace the current case store with the backup of %1?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>现在案件库中的全部内容（案件、调解记录、文书和账户）都会被这份备份替换，备份之后录入或修改的内容将不在恢复后的案件库中。

恢复前，软件会先把现在的案件库另存一份“恢复前”备份（数据目录的 backups 文件夹），需要时可以再恢复回来。恢复后请重新启动调解工作台。</source>
        <translation>Everything in the current case store (cases, session records, documents and accounts) will be replaced by this backup; whatever was entered or changed after the backup will not be in the restored store.

Before restoring, the current store is saved as a &quot;before restore&quot; backup (in the backups folder of the data folder), so it can be restored again if needed. Restart Mediation Desk after the restore.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>替换并恢复</source>
        <translation>Replace and restore</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>请先在列表中选择要恢复的备份。</source>
        <translation>First choose the backup to restore in the list.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>正在检查备份并恢复…</source>
        <translation>Checking the backup and restoring…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已从备份恢复（%1 个案件）。</source>
        <translation>Restored from the backup (%1 cases).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>恢复前的案件库已备份到：%1。</source>
        <translation>The store as it was before the restore was backed up to: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>组织的签名密钥和证书已一并恢复。</source>
        <translation>The organisation&apos;s signing key and certificate were restored too. </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请关闭并重新打开调解工作台：在此之前不能再查看或修改案件。</source>
        <translation>Close and reopen Mediation Desk: until then cases cannot be viewed or changed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>恢复完成</source>
        <translation>Restore complete</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>
在本软件中只能恢复用本机密钥加密的备份。来自另一台电脑的备份，请在命令行中用恢复码恢复：python -m app backup restore 备份文件 --recovery-code -</source>
        <translation>
The app restores only backups encrypted with this computer&apos;s key. Restore a backup from another computer on the command line with its recovery code: python -m app backup restore BACKUP_FILE --recovery-code -</translation>
    </message>
</context>
<context>
    <name>BatchesDialog</name>
    <message>
        <location filename="../../ui/views/intake/batches_dialog.py" line="+51"/>
        <source>批次</source>
        <translation>Batches</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>编号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收到日期</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>在案</source>
        <translation>Live</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已分配</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>计算汇总</source>
        <translation>Compute summary</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调解员姓名，用逗号分开</source>
        <translation>Mediators&apos; names, separated by commas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按地区</source>
        <translation>By region</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>分配案件</source>
        <translation>Assign cases</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>撤回批次…</source>
        <translation>Withdraw batch…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>正在逐件计算（依法可支持的金额按主张截止日计算）…</source>
        <translation>Computing case by case (the lawful amount as of each claim&apos;s date)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>批次“%1”：%2 / %3 件已计算。主张总额 %4 元，依法可支持 %5 元，主张超出依法可支持 %6 元（按合同计算 %7 元）。</source>
        <translation>Batch &quot;%1&quot;: %2 of %3 cases computed. Claimed %4 yuan, lawful %5 yuan, claimed above lawful %6 yuan (by the contract %7 yuan).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>另有 %1 件无法计算（如 %2）。</source>
        <translation> %1 more could not be computed (e.g. %2).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>请选择批次，并填写调解员姓名（用逗号分开）。</source>
        <translation>Choose a batch and fill in the mediators&apos; names (separated by commas).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2 件</source>
        <translation>%1: %2 cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已分配：%1。</source>
        <translation>Assigned: %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>撤回批次</source>
        <translation>Withdraw batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>撤回批次“%1”？其 %2 件案件将不再出现在案件列表中（案号保留）。</source>
        <translation>Withdraw batch &quot;%1&quot;? Its %2 cases will no longer appear in the case list (their numbers are kept).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>批次已撤回。</source>
        <translation>The batch was withdrawn.</translation>
    </message>
</context>
<context>
    <name>Card</name>
    <message>
        <location filename="../../ui/views/cases/case_detail.py" line="+150"/>
        <source>显示完整号码</source>
        <translation>Show full number</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>查看完整号码会记入审计日志（谁、何时、哪个字段）</source>
        <translation>Viewing the full number is recorded in the audit log (who, when, which field)</translation>
    </message>
</context>
<context>
    <name>CaseDetailView</name>
    <message>
        <location line="+61"/>
        <source>在上方列表中选择一个案件，即可在这里查看当事人、借款、主张和还款。</source>
        <translation>Choose a case in the list above to see its parties, loan, claim and payments here.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>承办调解员</source>
        <translation>Mediator in charge</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>更改状态…</source>
        <translation>Change status…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>借款信息</source>
        <translation>Loan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权人主张（元）</source>
        <translation>Creditor&apos;s claim (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款记录（元）</source>
        <translation>Payments (yuan)</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>（未指定）</source>
        <translation>(not assigned)</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>案件当前状态之后不能再更改。</source>
        <translation>The case cannot change status any more.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>债权人：%1</source>
        <translation>Creditor: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调解员：%1</source>
        <translation>Mediator: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>批次：%1</source>
        <translation>Batch: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>委派法院：%1</source>
        <translation>Entrusting court: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更新于 %1</source>
        <translation>Updated %1</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 · %2（%3）</source>
        <translation>%1 · %2 (%3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>暂无当事人信息</source>
        <translation>No parties yet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>尚未录入借款信息</source>
        <translation>No loan terms entered yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>出借人类型</source>
        <translation>Lender type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同日期</source>
        <translation>Contract date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放款日期</source>
        <translation>Disbursed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>借款本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>实际放款</source>
        <translation>Disbursed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>逾期年利率</source>
        <translation>Overdue rate (annual)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计收复利</source>
        <translation>Compound interest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还款方式</source>
        <translation>Repayment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>期限</source>
        <translation>Term</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n 个月</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>到期日</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>宣布提前到期</source>
        <translation>Accelerated on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>一年按 %1 天</source>
        <translation>%1-day year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计息天数</source>
        <translation>Day basis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>债权人尚未提出主张</source>
        <translation>The creditor has not stated a claim yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>计算截至</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>罚息</source>
        <translation>Penalty interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复利</source>
        <translation>Compound interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>费用</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实现债权费用</source>
        <translation>Costs of recovery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>费用明细</source>
        <translation>Fees and costs</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>暂无还款记录</source>
        <translation>No payments yet</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>已还合计（%n 笔）</source>
        <translation>
            <numerusform>Paid in total (%n payment)</numerusform>
            <numerusform>Paid in total (%n payments)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../ui/views/cases/case_filters.py" line="+36"/>
        <source>筛选</source>
        <translation>Filter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态：全部</source>
        <translation>Status: all</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调解员：全部</source>
        <translation>Mediator: all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次：全部</source>
        <translation>Batch: all</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出借人类型：全部</source>
        <translation>Lender type: all</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>（未分配）</source>
        <translation>(unassigned)</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../ui/models/case_table.py" line="+51"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债务人</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>手机号</source>
        <translation>Mobile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出借人类型</source>
        <translation>Lender type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>借款本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主张总额</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>更新时间</source>
        <translation>Updated</translation>
    </message>
</context>
<context>
    <name>CertificateTab</name>
    <message>
        <location filename="../../ui/views/settings/cert.py" line="+110"/>
        <source>只有主管可以生成或导入组织的数字证书；您可以查看证书和复制指纹。</source>
        <translation>Only a supervisor can create or import the organisation&apos;s certificate; you can view it and copy the fingerprint.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+77"/>
        <source>生成本机证书</source>
        <translation>Create certificate on this computer</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>导入 PKCS#12…</source>
        <translation>Import PKCS#12…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>复制指纹</source>
        <translation>Copy fingerprint</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>本机证书由软件自行生成（自签名），可以证明文件签署后未被改动；对方核对签署人时，请提供上面的证书指纹。由电子认证服务机构（CA）签发的证书可通过“导入 PKCS#12…”使用。更换证书后，以前签署的文书仍可核验。</source>
        <translation>A certificate created here is self-signed: it proves a document was not changed after signing; to let others check who signed, give them the fingerprint above. A certificate issued by a certificate authority (CA) can be used through “Import PKCS#12…”. Documents signed before a certificate change can still be verified.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>组织的数字证书</source>
        <translation>The organisation&apos;s digital certificate</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体名称</source>
        <translation>Subject name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完整主体</source>
        <translation>Full subject</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 指纹</source>
        <translation>SHA-256 fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>有效期</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密钥口令</source>
        <translation>Key passphrase</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>重新生成本机证书…</source>
        <translation>Create a new certificate…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>还没有组织证书</source>
        <translation>No certificate yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还没有组织证书：签署文书前，请生成本机证书或导入证书。</source>
        <translation>No certificate yet: create one on this computer or import one before signing documents.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>已过期：请重新生成或导入新证书</source>
        <translation>Expired: create or import a new certificate</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>有效（%n 天后到期，请及早更换）</source>
        <translation>
            <numerusform>Valid (expires in %n day; replace it soon)</numerusform>
            <numerusform>Valid (expires in %n days; replace it soon)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>有效</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 至 %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>自签名（本机生成）</source>
        <translation>Self-signed (created on this computer)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>由证书颁发机构签发</source>
        <translation>Issued by a certificate authority</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>保存在系统钥匙串中，签名时无需输入</source>
        <translation>Kept in the system keyring; no typing when signing</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>不在系统钥匙串中：签名时需要输入口令</source>
        <translation>Not in the system keyring: you type it when signing</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>本机的系统钥匙串可用：密钥口令由软件随机生成并保存在钥匙串中。</source>
        <translation>The system keyring works here: the key&apos;s passphrase is generated at random and kept in it.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>本机没有可用的系统钥匙串（keyring），软件无法替您保存密钥口令，也不会把口令写进文件：生成、导入证书和每次签名时都需要输入口令（也可设置环境变量 MEDIATION_DESK_PASSPHRASE）。请牢记口令，遗失后无法找回。</source>
        <translation>No system keyring works on this computer, so the app cannot keep the key&apos;s passphrase for you and will not write it to a file: you type it when creating or importing a certificate and each time you sign (or set the environment variable MEDIATION_DESK_PASSPHRASE). Remember it: a lost passphrase cannot be recovered.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>更换组织证书</source>
        <translation>Replace the organisation&apos;s certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已经有组织证书。更换后，新签署的文书使用新证书（指纹会改变），以前签署的文书仍可核验。确定要更换吗？</source>
        <translation>There is already a certificate. After replacing it, new documents are signed with the new certificate (the fingerprint changes); documents signed before can still be verified. Replace it?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>没有输入口令，已取消。</source>
        <translation>No passphrase entered; cancelled.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>请先在“调解组织”页填写组织名称并保存：证书的主体就是组织名称。</source>
        <translation>First enter and save the organisation&apos;s name on the “Organisation” tab: it is the certificate&apos;s subject.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>导入证书</source>
        <translation>Import certificate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PKCS#12 证书 (*.p12 *.pfx)</source>
        <translation>PKCS#12 certificates (*.p12 *.pfx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>证书文件密码</source>
        <translation>Certificate file password</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>请输入证书文件 %1 的密码（由证书颁发机构提供；没有密码请留空）。</source>
        <translation>Enter the password of the certificate file %1 (given by the certificate authority; leave empty if it has none).</translation>
    </message>
</context>
<context>
    <name>ChargesBox</name>
    <message>
        <location filename="../../ui/views/cases/charges_box.py" line="+37"/>
        <source>费用与实现债权费用（逾期费、违约金、催收费、律师费等）</source>
        <translation>Fees and costs of realising the claim (late fees, liquidated damages, collection fees, lawyer&apos;s fees…)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>添加一笔费用</source>
        <translation>Add a charge</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>如 300.00</source>
        <translation>e.g. 300.00</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_checkin.py" line="+38"/>
        <source>时间和地点</source>
        <translation>Date and place</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调解日期</source>
        <translation>Session date</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调解地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>如：某某村委会调解室</source>
        <translation>e.g. village committee mediation room</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>签到：时间、地点和出席人员</source>
        <translation>Check-in: date, place and who attends</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>出席人员</source>
        <translation>Attendees</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>还没有登记出席人员：在下面选择到场的人，然后按“添加”。</source>
        <translation>No attendees yet: choose who is present below, then press Add.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>添加出席人员：</source>
        <translation>Add attendee:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>添加(&amp;A)</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已核对身份</source>
        <translation>Identity checked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>委托书：代理权限、期限</source>
        <translation>Power of attorney: scope, term</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
</context>
<context>
    <name>ClausesBox</name>
    <message>
        <location filename="../../ui/views/settlement/terms_box.py" line="+222"/>
        <source>履行方式与其他约定</source>
        <translation>Payment and other terms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>如：转入债权人账户（开户行、户名、账号），或现金交付调解员</source>
        <translation>e.g. transfer to the creditor&apos;s account (bank, name, number), or cash to the mediator</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>每行一条，如：本协议一式三份，各方各执一份</source>
        <translation>One per line, e.g. this agreement is made in three copies, one for each party</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>履行方式</source>
        <translation>How to pay</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>其他约定</source>
        <translation>Other terms</translation>
    </message>
</context>
<context>
    <name>ColumnTable</name>
    <message>
        <location filename="../../ui/views/intake/columns.py" line="+37"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>文件中的列名</source>
        <translation>File&apos;s header</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>读作</source>
        <translation>Read as</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>（不是模板的字段：作为备注保留）</source>
        <translation>(not a template field: kept as a note)</translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../ui/views/contacts/contact_form.py" line="+54"/>
        <source>记录一次联系</source>
        <translation>Log an attempt</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>添加紧急联系人…</source>
        <translation>Add emergency contact…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>联系对象</source>
        <translation>Whom</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>时间（北京时间）</source>
        <translation>Time (China time)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>于</source>
        <translation>by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺还款</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>对方说了什么、约定了什么</source>
        <translation>What was said or agreed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>下一步做什么（如：寄送调解通知）</source>
        <translation>What to do next (e.g. send the notice of mediation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下一步日期</source>
        <translation>Date of the next step</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提醒</source>
        <translation>Remind</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>下一步</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>（不发送信息）</source>
        <translation>(no message)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>信息模板</source>
        <translation>Message template</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择模板后在此预览；本软件不发送短信。</source>
        <translation>Choose a template to preview it here; the app sends no messages.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>复制</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导出给短信平台…</source>
        <translation>Export for the SMS platform…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>已告知个人信息处理事项（告知书第 %1 版）</source>
        <translation>Told how personal data is processed (notice version %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>记录</source>
        <translation>Log</translation>
    </message>
</context>
<context>
    <name>ContactLogPanel</name>
    <message>
        <location filename="../../ui/views/contacts/log_panel.py" line="+94"/>
        <source>在上方列表中选择一个案件，即可在这里查看和记录联系情况。</source>
        <translation>Choose a case in the list above to see and log its contacts here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>对象</source>
        <translation>Whom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>方式</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承诺还款</source>
        <translation>Promise to pay</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>下一步</source>
        <translation>Next action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>联系记录</source>
        <translation>Contact log</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>允许联系时段 %1（北京时间）· 每人每天最多 %2 次 · 要求书面联系的不再致电</source>
        <translation>Allowed hours %1 (China time) · at most %2 attempts a day per person · no calls to anyone who asked for writing</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>已记录：%1</source>
        <translation>Logged: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>此次联系不被允许，未记录：</source>
        <translation>This attempt is not allowed and was not logged:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>导出给短信平台</source>
        <translation>Export for the SMS platform</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已导出到 %1（请在中心的短信平台发送）</source>
        <translation>Exported to %1 (send it from the centre&apos;s SMS platform)</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../ui/crash.py" line="+80"/>
        <source>程序出错</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调解工作台遇到了一个意外错误。已保存的案件数据不受影响。</source>
        <translation>Mediation Desk ran into an unexpected error. Cases already saved are not affected.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>详细信息已记录在日志文件中，请将它发给技术支持：
%1</source>
        <translation>The details are in this log file; please send it to support:
%1</translation>
    </message>
</context>
<context>
    <name>DebtPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_debt.py" line="+70"/>
        <source>债权债务：借款合同、债权人主张和已还款</source>
        <translation>Debt: loan terms, the creditor&apos;s claim and payments made</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>借款合同</source>
        <translation>Loan contract</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>出借人类型</source>
        <translation>Lender type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同编号</source>
        <translation>Contract no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同日期</source>
        <translation>Contract date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放款日期</source>
        <translation>Disbursed on</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>借款本金（元）</source>
        <translation>Principal (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实际放款（元）</source>
        <translation>Disbursed (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>约定利率</source>
        <translation>Contract rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期利率</source>
        <translation>Overdue rate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还款方式</source>
        <translation>Repayment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期数（月）</source>
        <translation>Term (months)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>（未填）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>到期日</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>宣布提前到期</source>
        <translation>Accelerated on</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+50"/>
        <source>复利</source>
        <translation>Compound interest</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>合同约定计收复利</source>
        <translation>Contract charges compound interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>计息基准</source>
        <translation>Day basis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>法定顺序（民法典第五百六十一条）</source>
        <translation>Statutory order (Civil Code art. 561)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合同约定的顺序</source>
        <translation>Order agreed in the contract</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还款冲抵</source>
        <translation>Allocation of payments</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>约定顺序</source>
        <translation>Agreed order</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按合同写明的顺序列出全部六项，各一次：实现债权费用、利息、罚息、复利、费用、本金</source>
        <translation>List all six in the contract&apos;s order, each once: 实现债权费用 (costs), 利息 (interest), 罚息 (penalty), 复利 (compound), 费用 (fees), 本金 (principal)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>起诉（申请）日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（同计算日）</source>
        <translation>(same as the as-of date)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>决定民间借贷过渡期的利率上限；未起诉的不填</source>
        <translation>Decides a transitional private loan&apos;s cap; leave empty when nothing was filed</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>债权人主张</source>
        <translation>Creditor&apos;s claim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>截至日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>可接受最低额</source>
        <translation>Lowest acceptable</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>债权人未说明可不填</source>
        <translation>Leave empty if the creditor gave none</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>罚息</source>
        <translation>Penalty interest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>费用</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实现债权费用</source>
        <translation>Enforcement costs</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>债务人已还款</source>
        <translation>Payments made by the debtor</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+34"/>
        <location line="+97"/>
        <location line="+41"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>备注，如：微信转账</source>
        <translation>Note, e.g. WeChat transfer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>记录一笔还款</source>
        <translation>Record a payment</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>费用与实现债权费用（逾期费、违约金、催收费、律师费等，逐笔）</source>
        <translation>Fees and costs of realising the claim (late fees, liquidated damages, collection fees, lawyer&apos;s fees…), one by one</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>记录一笔费用</source>
        <translation>Record a charge</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>约定利率：%1</source>
        <translation>Contract rate: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>逾期利率：%1</source>
        <translation>Overdue rate: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>主张合计：%1 元</source>
        <translation>Claimed in total: %1 yuan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>共 %1 笔，合计 %2 元</source>
        <translation>%1 payments, %2 yuan in total</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>还款日期</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+36"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>晚于主张截至日期 %1：计算日须不早于这一天，请核对日期。</source>
        <translation>After the claim&apos;s as-of date %1: the recalculation date cannot be earlier than this day; check the date.</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../ui/views/settlement/approvals.py" line="+32"/>
        <source>记录债权人批复</source>
        <translation>Record the creditor&apos;s answer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>同意</source>
        <translation>Approved</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不同意</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>债权人意见</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>姓名和职务</source>
        <translation>Name and position</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>经办人</source>
        <translation>Decided by</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>选择扫描件…</source>
        <translation>Choose the scan…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>扫描件</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>选择扫描件</source>
        <translation>Choose the scan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>扫描件 (*.jpg *.jpeg *.png *.pdf)</source>
        <translation>Scans (*.jpg *.jpeg *.png *.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message numerus="yes">
        <location filename="../../ui/views/session_wizard/doc_list.py" line="+63"/>
        <source>%n 页</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>打开（可打印）</source>
        <translation>Open (to print)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>另存为…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>预览</source>
        <translation>Preview</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>保存文书</source>
        <translation>Save document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_documents.py" line="+51"/>
        <source>生成文书预览(&amp;R)</source>
        <translation>&amp;Render previews</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>文书：预览调解结果所需的文书</source>
        <translation>Documents: preview what the outcome needs</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>请先在“调解笔录”中选择调解结果，再生成文书。</source>
        <translation>Choose the outcome in the session record first, then render the documents.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>本次调解需要：%1。</source>
        <translation>This session needs: %1.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>本机无法显示页面：请按“打开（可打印）”在阅读器中查看。</source>
        <translation>Pages cannot be shown on this computer: press Open (to print) to read them in the viewer.</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>还不能生成：</source>
        <translation>Cannot render yet:</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../ui/views/documents/panel.py" line="+127"/>
        <source>生成文书</source>
        <translation>Generate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加证据…</source>
        <translation>Add evidence…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+177"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location line="-175"/>
        <source>另存为 PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>用系统阅读器打开</source>
        <translation>Open in system viewer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>加盖电子签章</source>
        <translation>Apply digital seal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>用调解组织的数字证书对各方已签名的协议书进行数字签名（PAdES）</source>
        <translation>Sign the agreement the parties have signed with the organisation&apos;s digital certificate (PAdES)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文书种类</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>生成时间</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本案文书</source>
        <translation>Documents of this case</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>选择左侧的文书以预览</source>
        <translation>Choose a document on the left to preview it</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>本案尚无文书。选择种类后点击“生成文书”。</source>
        <translation>This case has no documents yet. Choose a type and click “Generate”.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>%1 · 第 %2 版 · %3 · 共 %4 页 · SHA-256 %5</source>
        <translation>%1 · version %2 · %3 · %4 pages · SHA-256 %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已加盖组织电子签章（数字签名），可用“核验文书”检查。</source>
        <translation>Carries the organisation&apos;s digital seal (digital signature); check it with “Verify a document”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>各方已签名，尚未加盖组织电子签章。</source>
        <translation>Signed by all parties; the organisation&apos;s digital seal is not applied yet.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>定稿并打印…</source>
        <translation>Finalise and print…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>草稿打印即定稿：此版本随即锁定，之后的修改会生成新版本。</source>
        <translation>Printing a draft makes it final: this version is locked, and later changes become a new version.</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>无法打开：%1</source>
        <translation>Cannot open: %1</translation>
    </message>
    <message>
        <location line="-118"/>
        <source>还不能生成这份文书，尚缺：</source>
        <translation>This document cannot be generated yet. Missing:</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>未能加盖组织电子签章：%1
协议书的签署不受影响，可稍后重试。</source>
        <translation>Could not apply the organisation&apos;s digital seal: %1
The parties&apos; signatures on the agreement are not affected; you can try again later.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>打印文书</source>
        <translation>Print document</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>已打印，但未能记录：%1</source>
        <translation>Printed, but not recorded: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>另存为 PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FinishPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_finish.py" line="+74"/>
        <source>完成调解并生成文书(&amp;F)</source>
        <translation>&amp;Finish the session and render documents</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>全部保存到文件夹…</source>
        <translation>Save all to a folder…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>完成：结束调解，案件进入下一状态，打印文书</source>
        <translation>Finish: end the session, move the case on, print the documents</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>（尚未选择）</source>
        <translation>(not chosen yet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>调解结果：%1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>依法应还：%1 元</source>
        <translation>Lawfully owed: %1 yuan</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+21"/>
        <source>调解确定的还款总额：%1 元</source>
        <translation>Settled total: %1 yuan</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>案件状态：%1 → %2</source>
        <translation>Case status: %1 → %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（未选择）</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>本次调解已于 %1 结束（开始于 %2）。</source>
        <translation>This session ended at %1 (it began at %2).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>案件状态：%1</source>
        <translation>Case status: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>完成调解</source>
        <translation>Finish the session</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>完成后本次调解的记录不能再修改，案件将改为“%1”。确定完成吗？</source>
        <translation>Once finished, this session&apos;s record can no longer be changed and the case becomes &quot;%1&quot;. Finish now?</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>调解已完成，案件状态：%1。请打开文书打印，或保存到文件夹。</source>
        <translation>The session is finished; the case is now %1. Open the documents to print them, or save them to a folder.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+33"/>
        <source>调解协议书已加盖组织电子签章（数字签名）。</source>
        <translation>The mediation agreement carries the organisation&apos;s digital seal (digital signature).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>选择保存文书的文件夹</source>
        <translation>Choose a folder for the documents</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>还不能完成：</source>
        <translation>Cannot finish yet:</translation>
    </message>
</context>
<context>
    <name>FirstAccountDialog</name>
    <message>
        <location filename="../../ui/views/lock/first_account_dialog.py" line="+36"/>
        <source>创建主管账户</source>
        <translation>Create the supervisor account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>这是第一次打开本案件库，请先创建主管账户：主管管理调解组织信息、数字证书、用户账户和 LPR 利率表，调解员账户之后由主管添加。</source>
        <translation>This case store is opened for the first time: create the supervisor account first. The supervisor manages the organisation profile, certificates, user accounts and the LPR table; mediator accounts are added by the supervisor later.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登录时使用，如 zhangwei</source>
        <translation>used to sign in, e.g. zhangwei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>显示在界面和记录中，如 张伟</source>
        <translation>shown in the app and the records, e.g. Zhang Wei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>创建并登录</source>
        <translation>Create and sign in</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../ui/views/lock/account_dialogs.py" line="+98"/>
        <source>两次输入的密码不一致，请重新输入。</source>
        <translation>The two passwords differ; please type them again.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/views/intake/import_dialog.py" line="+69"/>
        <source>导入案件</source>
        <translation>Import cases</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>请选择出借人发来的案件清单（.xlsx、.xls、.ods 或 .csv）。</source>
        <translation>Choose the lender&apos;s list of cases (.xlsx, .xls, .ods or .csv).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>出借人的 Excel 或 CSV 文件</source>
        <translation>The lender&apos;s Excel or CSV file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择文件…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>检查文件</source>
        <translation>Check file</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>表中没有“债权人”列时填写</source>
        <translation>Fill in when the sheet has no creditor column</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（按表中的“出借人类型”）</source>
        <translation>(as the sheet’s lender type column)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>委派法院全称（可不填）</source>
        <translation>Entrusting court&apos;s full name (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>默认：文件名和日期</source>
        <translation>Default: file name and date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出借人类型</source>
        <translation>Lender type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>委派法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次名称</source>
        <translation>Batch name</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>整批</source>
        <translation>Whole batch</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>列的对应（选错的列可改选）</source>
        <translation>Columns (choose another field for a wrong one)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>按新的对应重新检查</source>
        <translation>Check again with these columns</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+131"/>
        <source>试导入发现的问题（点列名排序）</source>
        <translation>Problems found by the dry run (click a header to sort)</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>导出问题行…</source>
        <translation>Export problem rows…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>跳过有问题的行，先导入其余的</source>
        <translation>Skip the rows with problems and import the rest</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>开始导入</source>
        <translation>Import</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>取消导入</source>
        <translation>Cancel import</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>撤回本批次</source>
        <translation>Withdraw this batch</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>选择案件清单</source>
        <translation>Choose the list of cases</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>请先选择文件。</source>
        <translation>Choose a file first.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>正在读取和检查每一行（不写入任何数据）…</source>
        <translation>Reading and checking every row (nothing is written)…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>文件不能导入：请按上面的提示改正，或在左边改选列的对应后重新检查。</source>
        <translation>The file cannot be imported: fix it as said above, or choose the columns on the left and check again.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>工作表“%1”共 %2 行：有效 %3 行，有问题 %4 行，重复 %5 行；可导入 %6 件。</source>
        <translation>Sheet &quot;%1&quot;: %2 rows, %3 valid, %4 with problems, %5 duplicates; %6 cases can be imported.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>试导入没有发现问题：全部 %1 行都可以导入。</source>
        <translation>The dry run found no problem: all %1 rows can be imported.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>试导入发现 %1 个问题（点列名排序，选中一行看完整原因）</source>
        <translation>The dry run found %1 problems (click a header to sort, a row for the whole reason)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>第 %1 行 %2：</source>
        <translation>Row %1, %2: </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>列的对应已改动：请点“按新的对应重新检查”。</source>
        <translation>The columns changed: click &quot;Check again with these columns&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>导入 %1 件</source>
        <translation>Import %1 cases</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>正在导入：每 5000 件一组整组写入…</source>
        <translation>Importing: 5,000 cases at a time, each group written whole…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>正在停止：写完当前这一组后停下…</source>
        <translation>Stopping after the group being written…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>已取消：已导入 %1 件（每组都完整写入），其余未导入。再次导入同一文件会补齐其余案件而不会重复；也可以撤回本批次。</source>
        <translation>Cancelled: %1 cases imported (each group whole), the rest not. Importing the same file again adds the rest without duplicates; or withdraw this batch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>导入完成：%1 件案件已进入批次“%2”，状态为待受理。</source>
        <translation>Done: %1 cases are in batch &quot;%2&quot;, awaiting intake.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>本批次已撤回：导入的案件不再出现在案件列表中。</source>
        <translation>Batch withdrawn: its cases no longer appear in the case list.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>导出问题行</source>
        <translation>Export problem rows</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excel 文件 (*.xlsx)</source>
        <translation>Excel files (*.xlsx)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已把 %1 行有问题的行（附原因）导出到 %2，可发回出借人改正。</source>
        <translation>Exported %1 problem rows with their reasons to %2, to send back to the lender.</translation>
    </message>
</context>
<context>
    <name>LeversBox</name>
    <message>
        <location filename="../../ui/views/settlement/levers.py" line="+67"/>
        <source>减免与和解金额</source>
        <translation>Waivers and settled amount</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>依法应还</source>
        <translation>Lawful</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>减免方式</source>
        <translation>Waiver</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>减免金额</source>
        <translation>Waived</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>和解应还</source>
        <translation>Settled</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>减免的比例：100% 为全部减免，0 为不减免</source>
        <translation>Share waived: 100% waives it all, 0 waives nothing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>不减免（可通过约定和解金额调整）</source>
        <translation>Not waived (see the agreed sum)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>减让金额</source>
        <translation>Discount amount</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>或按本金的比例减让（金额与比例只填一项）</source>
        <translation>Or a share of the principal (fill in the amount or the share, not both)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>或</source>
        <translation>or</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>约定和解金额</source>
        <translation>Agreed sum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>双方商定的总额（可不填）</source>
        <translation>Total the parties agreed (optional)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>填写后，和解金额即为此数；超出其他减免的部分依次从费用、复利、罚息、利息、本金中减免</source>
        <translation>When filled in, this is the settled total; the cut beyond the other waivers comes from fees, compound interest, penalty interest, interest, then principal</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>合计</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>罚息</source>
        <translation>Penalty interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复利</source>
        <translation>Compound interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>费用（违约金等）</source>
        <translation>Fees (liquidated damages etc.)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实现债权费用</source>
        <translation>Costs of enforcing the claim</translation>
    </message>
</context>
<context>
    <name>LprTab</name>
    <message>
        <location filename="../../ui/views/settings/data.py" line="+74"/>
        <source>只有主管可以导入利率表；您可以查看正在使用的利率。</source>
        <translation>Only a supervisor can import the rate table; you can view the rates in use.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>贷款市场报价利率（LPR）</source>
        <translation>Loan Prime Rate (LPR)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>正在使用</source>
        <translation>In use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>最新一期</source>
        <translation>Latest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>收录范围</source>
        <translation>Covers</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>导入更新的利率表…</source>
        <translation>Import a newer rate table…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>利率表为 CSV 文件：表头 effective_date,one_year,five_year，每行一期（生效日期、一年期、五年期以上），利率按百分数填写，如 2025-12-22,3.00,3.50。导入前会检查整份文件；只有比内置表更新的表才会被使用。</source>
        <translation>The rate table is a CSV file with the header effective_date,one_year,five_year and one publication per row (effective date, one-year, five-year and above), rates in percent, e.g. 2025-12-22,3.00,3.50. The whole file is checked before import; only a table newer than the bundled one is used.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>导入的利率表（数据目录中的 lpr.csv）</source>
        <translation>Imported table (lpr.csv in the data folder)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>内置利率表（导入的表不比内置表新，未使用）</source>
        <translation>Bundled table (the imported one is not newer, so it is not used)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>内置利率表（随软件发布）</source>
        <translation>Bundled table (shipped with the app)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1起 一年期 %2，五年期以上 %3</source>
        <translation>From %1: one-year %2, five-year and above %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1至今，共 %2 期</source>
        <translation>%1 to date, %2 publications</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>利率表的最后一期是 %1，距今 %2 天。LPR 每月 20 日（遇节假日顺延）公布：如果此后又公布了新的利率，请从中国人民银行或全国银行间同业拆借中心网站整理后导入更新的利率表，否则之后的日期按最后一期计算。</source>
        <translation>The table&apos;s latest publication is %1, %2 days ago. The LPR is published on the 20th of each month (next working day on holidays): if newer rates have been published since, take them from the People&apos;s Bank of China or the National Interbank Funding Center website and import an updated table; otherwise later dates use the latest rate.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>导入利率表</source>
        <translation>Import rate table</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV 文件 (*.csv);;所有文件 (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>……另有 %1 处问题</source>
        <translation>…and %1 more problems</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>利率表没有导入，文件中有以下问题：</source>
        <translation>The rate table was not imported; the file has these problems:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/views/main_window.py" line="+96"/>
        <source>调解工作台</source>
        <translation>Mediation Desk</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>开始调解</source>
        <translation>Start session</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>开始或继续所选案件的调解（也可双击案件）</source>
        <translation>Start or resume the chosen case&apos;s mediation session (or double-click the case)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>今日联系</source>
        <translation>Today&apos;s contacts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>今天该联系谁、为什么（遵守联系时段和次数）</source>
        <translation>Who to contact today and why (within the allowed hours and attempts)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>导入案件…</source>
        <translation>Import cases…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>把出借人发来的案件清单（Excel 或 CSV）整批导入</source>
        <translation>Import a lender&apos;s list of cases (Excel or CSV) as a batch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>批次…</source>
        <translation>Batches…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>导入的批次：汇总、分配调解员、撤回</source>
        <translation>Imported batches: summary, assigning mediators, withdrawal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>待债权人批准…</source>
        <translation>Waiting for creditors&apos; approval…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>超出债权人授权、等待债权人批复的调解方案</source>
        <translation>Settlements outside a creditor&apos;s mandate, waiting for its answer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>核验文书…</source>
        <translation>Verify a document…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>统计…</source>
        <translation>Reports…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>案件统计、调解成功率、金额和履行跟踪</source>
        <translation>Caseload, settlement rate, amounts and plan follow-up</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>设置…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>锁定</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>离开时锁定：输入密码后继续，打开的窗口保持原样</source>
        <translation>Lock while you are away: the password continues, open windows stay as they are</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>案件(&amp;C)</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>设置(&amp;S)</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>语言 / Language</source>
        <translation>Language / 语言</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>工具栏</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>案件信息</source>
        <translation>Case</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+25"/>
        <source>案件列表</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>搜索案件</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>搜索姓名、案号、身份证号或手机号</source>
        <translation>Search name, case no., ID number or phone</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>数据目录：%1</source>
        <translation>Data folder: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>当前用户：%1（%2）</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在读取案件…</source>
        <translation>Reading cases…</translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <location line="+13"/>
        <source>共 %n 件案件</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
    <message>
        <location line="-8"/>
        <source>显示 %1 / %2 件</source>
        <translation>Showing %1 of %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>找到 %1 件（共 %2 件）</source>
        <translation>%1 found (of %2)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>未能读取案件</source>
        <translation>Could not read the cases</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>请先在列表中选择一个案件。</source>
        <translation>Choose a case in the list first.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>界面语言已保存，下次启动时生效。 The language applies at the next start.</source>
        <translation>Language saved; it applies at the next start.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>&lt;h3&gt;调解工作台 %1&lt;/h3&gt;&lt;p&gt;为金融借款与民间借贷纠纷调解员设计的离线桌面工具：案件登记、债权重算、调解协议与签署。&lt;/p&gt;&lt;p&gt;数据目录：%2&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Mediation Desk %1&lt;/h3&gt;&lt;p&gt;An offline desktop workbench for mediators of loan and private lending disputes: case intake, recalculation of claims, settlement agreements and signing.&lt;/p&gt;&lt;p&gt;Data folder: %2&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>关于调解工作台</source>
        <translation>About Mediation Desk</translation>
    </message>
</context>
<context>
    <name>MandateRoomBox</name>
    <message>
        <location filename="../../ui/views/settlement/mandate_room.py" line="+66"/>
        <source>债权人授权（剩余空间）</source>
        <translation>Creditor&apos;s mandate (room left)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>生成批准申请…</source>
        <translation>Request approval…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>为已保存的方案生成给债权人的批准申请书（PDF）</source>
        <translation>Make the approval request (PDF) for the creditor, for the saved settlement</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>本案债权人未设定授权限制。</source>
        <translation>The creditor has set no mandate for this case.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>减免项有误，无法计算授权空间。</source>
        <translation>A lever is wrong: the room left cannot be computed.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>✓ 在债权人授权范围内。</source>
        <translation>✓ Within the creditor&apos;s mandate.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>超出授权 %1 项：签署前须取得债权人批准（保存方案后生成批准申请）。</source>
        <translation>Outside the mandate on %1 limit(s): the creditor must approve before signing (save, then request approval).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>项目</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>授权</source>
        <translation>Mandate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>本方案</source>
        <translation>This settlement</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>剩余空间</source>
        <translation>Room left</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>第 %1 号批准申请：%2</source>
        <translation>Approval request %1: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>保存批准申请</source>
        <translation>Save the approval request</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <location filename="../../ui/views/lock/account_dialogs.py" line="+54"/>
        <source>添加账户</source>
        <translation>Add account</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登录时使用，如 wangfang</source>
        <translation>used to sign in, e.g. wangfang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>如 王芳</source>
        <translation>e.g. Wang Fang</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>初始密码</source>
        <translation>Initial password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入密码</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../ui/views/cases/new_case_dialog.py" line="+70"/>
        <source>新建案件</source>
        <translation>New case</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>带 * 的为必填项。年利率可写“18%”“年化24%”或“月息1分5”。</source>
        <translation>Fields marked * are required. The annual rate may be written &quot;18%&quot;, &quot;年化24%&quot; or &quot;月息1分5&quot;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+208"/>
        <source>创建案件</source>
        <translation>Create case</translation>
    </message>
    <message>
        <location line="-201"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如：某某银行股份有限公司某分行</source>
        <translation>e.g. XX Bank Co., Ltd., XX Branch</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>出借人类型 *</source>
        <translation>Lender type *</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18 位，民间借贷可不填</source>
        <translation>18 characters; optional for private lenders</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>债务人</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>姓名 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>身份证号 *</source>
        <translation>ID number *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>18 位居民身份证号码</source>
        <translation>18-digit resident ID number</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>手机号 *</source>
        <translation>Mobile *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>11 位手机号码</source>
        <translation>11-digit mobile number</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>承办</source>
        <translation>In charge</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（暂不指定）</source>
        <translation>(not yet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>承办调解员</source>
        <translation>Mediator in charge</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>借款</source>
        <translation>Loan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>借款本金（元）*</source>
        <translation>Principal (yuan) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如：50000 或 50,000.00</source>
        <translation>e.g. 50000 or 50,000.00</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>实际放款（元）</source>
        <translation>Amount lent (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>预先扣除利息的，填实际到手金额</source>
        <translation>With interest deducted up front: the amount actually received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>合同日期 *</source>
        <translation>Contract date *</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>年利率</source>
        <translation>Annual rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如：18%、月息1分5</source>
        <translation>e.g. 18% or 月息1分5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>还款方式</source>
        <translation>Repayment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>到期日</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> 个月</source>
        <translation> months</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>期数</source>
        <translation>Term</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如：2026年3月委托批次</source>
        <translation>e.g. March 2026 referral batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>如：滨江市滨江区人民法院（申请司法确认用）</source>
        <translation>e.g. Binjiang District People&apos;s Court (for judicial confirmation)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>委派法院</source>
        <translation>Entrusting court</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>（同计算日）</source>
        <translation>(same as the as-of date)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>起诉（申请）日期</source>
        <translation>Filing date</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>第 %1 笔费用：</source>
        <translation>Charge %1: </translation>
    </message>
</context>
<context>
    <name>OrgSeal</name>
    <message>
        <location filename="../../ui/views/settings/org_seal.py" line="+41"/>
        <source>找不到数据目录，无法使用组织的签名密钥。</source>
        <translation>The data folder cannot be found, so the organisation&apos;s signing key cannot be used.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>没有输入签名密钥的口令。</source>
        <translation>No passphrase for the signing key was entered.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未能加盖组织电子签章：%1
调解协议书已由各方签名并保存，不受影响。请稍后在案件的“文书”页选中该协议书，点击“加盖电子签章”。</source>
        <translation>Could not apply the organisation&apos;s digital seal: %1
The mediation agreement signed by the parties is saved and not affected. Later, select it on the case&apos;s “Documents” tab and click “Apply digital seal”.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>签名时发生意外错误。</source>
        <translation>An unexpected error occurred while signing.</translation>
    </message>
</context>
<context>
    <name>OrganisationTab</name>
    <message>
        <location filename="../../ui/views/settings/org.py" line="+99"/>
        <location line="+215"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="-200"/>
        <source>基本信息（用于每份文书的抬头和落款）</source>
        <translation>Details (heading and closing of every document)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>组织名称 *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>如：滨江市金融纠纷人民调解委员会</source>
        <translation>e.g. 滨江市金融纠纷人民调解委员会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>地址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>办公地址，文书落款和通知书中使用</source>
        <translation>Office address, used in documents and notices</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>18 位，可不填</source>
        <translation>18 characters, optional</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>如：0571-88881234</source>
        <translation>e.g. 0571-88881234</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>组织名称也是本机数字证书的主体名称（最多 64 个字符）。</source>
        <translation>The name is also the subject of the organisation&apos;s certificate (at most 64 characters).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>只有主管可以修改调解组织的资料；您可以查看。</source>
        <translation>Only a supervisor can change the organisation&apos;s details; you can view them.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>调解员名单</source>
        <translation>Mediators</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>职务</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>添加调解员</source>
        <translation>Add mediator</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>删除所选</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>承办着案件的调解员不能删除；改名不影响其承办的案件。</source>
        <translation>A mediator who handles cases cannot be removed; renaming keeps their cases.</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>正在读取…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>还没有填写调解组织的资料：请填写后保存。</source>
        <translation>The organisation&apos;s details are not filled in yet: enter them and save.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>已保存（%1）</source>
        <translation>Saved (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>未保存：请按红色提示修改后再保存。</source>
        <translation>Not saved: correct what is marked in red, then save.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>第 %1 行：%2</source>
        <translation>Row %1: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>有未保存的修改。</source>
        <translation>There are unsaved changes.</translation>
    </message>
</context>
<context>
    <name>PartiesPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_parties.py" line="+45"/>
        <source>当事人：核对信息，添加共同债务人和保证人</source>
        <translation>Parties: check their details, add co-debtors and guarantors</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>添加共同债务人或保证人</source>
        <translation>Add a co-debtor or guarantor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>姓名或名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>添加当事人</source>
        <translation>Add party</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>受理法院</source>
        <translation>Court</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如：滨江市滨江区人民法院（司法确认申请书写给这家法院）</source>
        <translation>e.g. Binjiang District People&apos;s Court (the application for judicial confirmation is addressed to it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>委派法院</source>
        <translation>Entrusting court</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>住所地</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>法定代表人</source>
        <translation>Legal representative</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>删除此当事人</source>
        <translation>Remove this party</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../ui/views/lock/passphrase_dialog.py" line="+29"/>
        <source>签名密钥口令</source>
        <translation>Signing key passphrase</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>口令</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>再次输入</source>
        <translation>Again</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>请输入口令。</source>
        <translation>Enter the passphrase.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>两次输入的口令不一致，请重新输入。</source>
        <translation>The two entries differ; enter it again.</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/views/lock/account_dialogs.py" line="+24"/>
        <source>修改我的密码</source>
        <translation>Change my password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>重置密码</source>
        <translation>Reset password</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>原密码</source>
        <translation>Current password</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>为“%1”设置新密码，并请本人登录后自行修改。</source>
        <translation>Set a new password for “%1” and ask them to change it after signing in.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>新密码</source>
        <translation>New password</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>至少 8 个字符</source>
        <translation>at least 8 characters</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>再次输入新密码</source>
        <translation>New password again</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../ui/views/contacts/log_panel.py" line="+45"/>
        <source>添加紧急联系人</source>
        <translation>Add emergency contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对紧急联系人只能请其转告当事人回电，不得提及债务、债权人或金额。</source>
        <translation>An emergency contact may only be asked to pass on a request to call back: never the debt, the creditor or an amount.</translation>
    </message>
</context>
<context>
    <name>PlanBox</name>
    <message>
        <location filename="../../ui/views/settlement/plan.py" line="+104"/>
        <source>还款计划</source>
        <translation>Payment plan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>还款方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>一次性付清</source>
        <translation>Lump sum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等额分期</source>
        <translation>Equal instalments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自定义分期</source>
        <translation>Custom instalments</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>每期取整到元</source>
        <translation>Round each to the yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>精确到分</source>
        <translation>To the fen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>每期金额向下取整，尾差计入最后一期</source>
        <translation>Each instalment is rounded down; the last one takes the remainder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>频率</source>
        <translation>Frequency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>期数</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>取整</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>首付款</source>
        <translation>Down payment</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>首付款金额</source>
        <translation>Down payment amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>付款日</source>
        <translation>Paid on</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>每月一期</source>
        <translation>Monthly</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>每两周一期</source>
        <translation>Every two weeks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>每周一期</source>
        <translation>Weekly</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>添加一期</source>
        <translation>Add instalment</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>删除所选期</source>
        <translation>Remove selected</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>首期还款日</source>
        <translation>First due date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>还款日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>第 %1 期：</source>
        <translation>Instalment %1: </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>已全部分配</source>
        <translation>Fully allocated</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>尚余 %1 元未分配</source>
        <translation>%1 yuan not yet allocated</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>超出和解金额 %1 元</source>
        <translation>%1 yuan above the settled total</translation>
    </message>
</context>
<context>
    <name>PlanPaymentDialog</name>
    <message>
        <location filename="../../ui/views/settlement/plan_payment_dialog.py" line="+47"/>
        <source>记录还款 — %1</source>
        <translation>Record a payment — %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>如 2000 或 2,000.00</source>
        <translation>e.g. 2000 or 2,000.00</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>如：微信转账、银行转账，凭证号</source>
        <translation>e.g. WeChat transfer, bank transfer, receipt number</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>还款日期 *</source>
        <translation>Date paid *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额（元）*</source>
        <translation>Amount (yuan) *</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>只记录调解协议签署后、按协议支付的款项。</source>
        <translation>Only payments made under the agreement, after it was signed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>记录</source>
        <translation>Record</translation>
    </message>
</context>
<context>
    <name>PlanRows</name>
    <message>
        <location filename="../../ui/models/plan_rows.py" line="+53"/>
        <source>期数</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>应还金额（元）</source>
        <translation>Amount due (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其中本金</source>
        <translation>Principal part</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其中利息</source>
        <translation>Interest part</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>首付</source>
        <translation>down payment</translation>
    </message>
</context>
<context>
    <name>PlanStatusRows</name>
    <message>
        <location filename="../../ui/models/plan_status_rows.py" line="+54"/>
        <source>期数</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到期日</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>应还（元）</source>
        <translation>Due (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已还（元）</source>
        <translation>Paid (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未还（元）</source>
        <translation>Unpaid (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期天数</source>
        <translation>Days late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还清日</source>
        <translation>Paid off on</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已还清</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>部分已还</source>
        <translation>Partly paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>待还</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期</source>
        <translation>Late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>逾期超过约定天数</source>
        <translation>Missed (late beyond the agreed days)</translation>
    </message>
</context>
<context>
    <name>PlanTracker</name>
    <message>
        <location filename="../../ui/views/settlement/plan_tracker.py" line="+96"/>
        <source>在上方列表中选择一个已签署协议的案件，即可在这里跟踪还款。</source>
        <translation>Choose a case with a signed agreement in the list above to follow its payments here.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>查看日期</source>
        <translation>As of</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>记录还款</source>
        <translation>Record payment</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>各期还款情况</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>协议项下的还款记录</source>
        <translation>Payments under the agreement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>违约条款</source>
        <translation>Default terms</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>案件 %1 没有保存的调解方案，无法跟踪履行情况。</source>
        <translation>Case %1 has no saved settlement, so there is no plan to follow.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>案件 %1 尚未签署调解协议（当前状态：%2）。签署后可在这里记录和跟踪还款。</source>
        <translation>Case %1 has no signed agreement yet (status: %2). Once it is signed, record and follow its payments here.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>和解金额 %1 元</source>
        <translation>Settled %1 yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已还 %1 元</source>
        <translation>Paid %1 yuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未还 %1 元</source>
        <translation>Unpaid %1 yuan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>下一期：第 %1 期，%2 应还 %3 元</source>
        <translation>Next: instalment %1, %3 yuan due on %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>已于 %1 违约：第 %2 期逾期超过 %3 天仍未还清，剩余款项全部到期。现可主张 %4 元</source>
        <translation>Defaulted on %1: instalment %2 was still unpaid more than %3 days late, so the rest fell due at once. Claimable now: %4 yuan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>（其中恢复的减免 %1 元）</source>
        <translation> (including %1 yuan of revived waivers)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>。</source>
        <translation>.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>案件状态已改为“已违约”。</source>
        <translation> The case is now &quot;Defaulted&quot;.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>协议款项已全部还清。</source>
        <translation>Everything due under the agreement has been paid.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>加速到期：任一期逾期超过 %1 天仍未还清的，剩余款项全部到期。</source>
        <translation>Acceleration: when any instalment is still unpaid more than %1 days late, the rest falls due at once.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>违约后减免恢复：可主张原依法应还 %1 元减去已还款。</source>
        <translation>Waivers revive on default: the original lawful %1 yuan less what was paid becomes claimable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>违约后减免不恢复：只主张剩余未还的和解款。</source>
        <translation>Waivers do not revive: only the unpaid rest of the settlement is claimable.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>每期宽限 %1 天。</source>
        <translation>Grace period of %1 days for each instalment.</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../../ui/views/intake/problems.py" line="+35"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>内容</source>
        <translation>Value</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>原因及改法</source>
        <translation>Reason and fix</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>第 %1 行</source>
        <translation>row %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>案件 %1</source>
        <translation>case %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>重复：与%1的债权人和合同编号相同，不会再导入。</source>
        <translation>Duplicate: the same creditor and contract number as %1; it will not be imported again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>合同编号</source>
        <translation>Contract number</translation>
    </message>
</context>
<context>
    <name>ReasonsCard</name>
    <message>
        <location filename="../../ui/views/recalc/parts.py" line="+118"/>
        <source>为什么依法应还比合同少</source>
        <translation>Why the lawful amount is lower than the contract&apos;s</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>为什么依法应还比合同少（共核减 %1 元）</source>
        <translation>Why the lawful amount is lower than the contract&apos;s (reduced by %1 yuan in all)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>依据：%1</source>
        <translation>Basis: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>合同约定未超过法定上限，依法应还与按合同计算相同。</source>
        <translation>The contract stays within the legal caps: the lawful amount equals the contract&apos;s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 减 %2 元</source>
        <translation>%1 reduced by %2 yuan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1：%2。</source>
        <translation>%1: %2.</translation>
    </message>
</context>
<context>
    <name>RecalcLines</name>
    <message>
        <location filename="../../ui/models/recalc_lines.py" line="+37"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>起</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>止</source>
        <translation>To</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>天数</source>
        <translation>Days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>基数（元）</source>
        <translation>Base (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年利率</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>金额（元）</source>
        <translation>Amount (yuan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%1（%n 行）</source>
        <translation>
            <numerusform>%1 (%n line)</numerusform>
            <numerusform>%1 (%n lines)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合计应还 %1 元</source>
        <translation>Total owed %1 yuan</translation>
    </message>
</context>
<context>
    <name>RecalcPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_recalc.py" line="+45"/>
        <source>重新计算：债权人主张与依法应还</source>
        <translation>Recalculation: claimed versus lawfully owed</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+34"/>
        <source>债权人主张</source>
        <translation>Creditor&apos;s claim</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+37"/>
        <source>依法应还（已保存的计算结果）</source>
        <translation>Lawfully owed (saved result)</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+52"/>
        <source>主张超出依法应还</source>
        <translation>Claim above the lawful figure</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>（截至 %1）</source>
        <translation> (as of %1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>依法应还（已保存，计算日 %1）</source>
        <translation>Lawfully owed (saved, as of %1)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>依法应还高于主张（主张截至 %1）</source>
        <translation>Lawful figure above the claim (claim as of %1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>还没有保存计算结果：核对下方结果后按“保存计算结果”。</source>
        <translation>No result saved yet: check the result below, then press Save result.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>债权债务信息在上次保存后有修改，请重新保存计算结果。</source>
        <translation>The debt changed since the last saved result: save the result again.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>计算日 %1，第 %2 号计算结果，调解方案和文书将引用它。</source>
        <translation>Computed as of %1, result no. %2; the settlement and the documents cite it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 元</source>
        <translation>%1 yuan</translation>
    </message>
</context>
<context>
    <name>RecalcPanel</name>
    <message>
        <location filename="../../ui/views/recalc/words.py" line="+36"/>
        <source>本金</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>利息</source>
        <translation>Interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>罚息（逾期利息）</source>
        <translation>Penalty interest (overdue)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复利</source>
        <translation>Compound interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>费用（违约金、服务费等）</source>
        <translation>Fees (liquidated damages, service fees…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实现债权费用（律师费等）</source>
        <translation>Costs of recovery (lawyer&apos;s fees…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>合计应还</source>
        <translation>Total owed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已还款</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>多付应退还</source>
        <translation>Overpaid, to be returned</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>债权人主张</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按合同计算</source>
        <translation>Contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>依法应还</source>
        <translation>Lawful</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>超上限核减</source>
        <translation>Cut above the cap</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上限内恢复</source>
        <translation>Restored within the cap</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>计息</source>
        <translation>Accrual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>到期</source>
        <translation>Falls due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>费用</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>实现债权费用</source>
        <translation>Costs of recovery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提前到期</source>
        <translation>Acceleration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>按当地法院的做法，利息、罚息、复利和费用合计以年利率 %1 为限。</source>
        <translation>Following the local court&apos;s practice, interest, penalty, compound interest and fees together are capped at %1 a year.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>金融借款的利息、罚息、复利、违约金和其他费用合计以年利率 %1 为限。</source>
        <translation>For financial loans, interest, penalty, compound interest, liquidated damages and other fees together are capped at %1 a year.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>民间借贷的利率以合同成立时一年期贷款市场报价利率（LPR）的四倍，即年利率 %1 为限。</source>
        <translation>Private loans are capped at four times the one-year Loan Prime Rate (LPR) when the contract was made: %1 a year.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>民间借贷：2020年8月20日前以年利率 %1 为限，此后以起诉时一年期LPR的四倍，即年利率 %2 为限。</source>
        <translation>Private loan: capped at %1 a year before 20 August 2020, and from then on at four times the one-year LPR at filing: %2 a year.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>合同年利率 %1 超过上限，依法按 %2 计算</source>
        <translation>the contract rate of %1 a year is above the cap, so %2 applies</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>约定逾期利率 %1 超过上限，依法按 %2 计算</source>
        <translation>the agreed overdue rate of %1 is above the cap, so %2 applies</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>违约金、服务费等费用与利息合计超过上限的部分不予支持</source>
        <translation>fees such as liquidated damages and service fees are not supported where, together with interest, they exceed the cap</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>利息、罚息、复利和费用合计超过上限的部分不予支持</source>
        <translation>interest, penalty, compound interest and fees are not supported above the cap on their total</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>按上限多付的利息、费用，依《民法典》第五百六十一条的顺序冲抵了本金</source>
        <translation>interest and fees paid above the cap went to principal, in the order of Civil Code art. 561</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>预先扣除的利息不计入本金（《民法典》第六百七十条）：合同写 %1 元，实际只出借 %2 元</source>
        <translation>interest deducted in advance is not principal (Civil Code art. 670): the contract says %1 yuan, only %2 yuan was lent</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1；%2</source>
        <translation>%1; %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>民间借贷和信用卡欠款在依法口径下不计复利</source>
        <translation>no compound interest is charged on private loans and credit card debts in the lawful view</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>复利按上限利率计算，与利息、费用合计超过上限的部分不予支持</source>
        <translation>compound interest runs at the capped rate and is not supported where, with interest and fees, it exceeds the cap</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 至 %2：</source>
        <translation>%1 to %2: </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 起：</source>
        <translation>From %1: </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 前：</source>
        <translation>Before %1: </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>借款合同成立日：%1（出借人为自然人，借款合同自提供借款时成立，《民法典》第六百七十九条；上限和过渡期按此日确定）</source>
        <translation>Loan contract formed on: %1 (the lender is a natural person: the contract is formed when the money is handed over, Civil Code art. 679; the cap and the transition follow this day)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>借款合同成立日：%1（合同日期；上限和过渡期按此日确定）</source>
        <translation>Loan contract formed on: %1 (the contract date; the cap and the transition follow this day)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>还款冲抵顺序：按合同约定，%1</source>
        <translation>Payments allocated in the order the contract agreed: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>还款冲抵顺序：按《民法典》第五百六十一条，%1</source>
        <translation>Payments allocated in the order of Civil Code art. 561: %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/recalc/panel.py" line="+68"/>
        <source>最后一笔还款</source>
        <translation>the last payment</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>最后一笔费用</source>
        <translation>the last charge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>宣布提前到期</source>
        <translation>the acceleration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放款</source>
        <translation>the disbursement</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>在上方列表中选择一个案件，即可在这里重新计算应还金额。</source>
        <translation>Choose a case in the list above to recalculate what is owed here.</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>若于</source>
        <translation>If paid on</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>还款日期</source>
        <translation>Payment date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>选择还款日期：按截至该日的利息、罚息和费用计算应还金额</source>
        <translation>Choose the payment date: what is owed with interest, penalty and fees up to that day</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>还款，依法应还</source>
        <translation>, the lawful amount owed is</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>保存计算结果</source>
        <translation>Save the result</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>把本次计算的输入、结果和校验码存入案卷，之后不可更改，文书可以引用</source>
        <translation>Store this calculation&apos;s input, result and checksum in the case file; it cannot be changed afterwards and documents can cite it</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>债权人主张 %1 元</source>
        <translation>Claimed by creditor: %1 yuan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（截至 %1）</source>
        <translation> (as of %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按合同计算 %1 元，依法核减 %2 元</source>
        <translation>Under the contract: %1 yuan; reduced by law: %2 yuan</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>计算日不能早于%1的日期 %2（所选 %3）：已按 %2 计算。</source>
        <translation>The date cannot be before %1 on %2 (chosen: %3): computed as of %2.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>无法计算，请先补正以下内容：</source>
        <translation>Cannot calculate yet; please complete the following first:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>尚未保存计算结果</source>
        <translation>No result saved yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存 %1（计算日 %2）</source>
        <translation>Saved %1 (as of %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>
⚠ 已保存的是 %1 的结果：%2 元，与上方日期不同</source>
        <translation>
⚠ The saved result is as of %1: %2 yuan, not the date above</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>第 %1 号计算结果，SHA-256 校验码：%2</source>
        <translation>Result no. %1, SHA-256 checksum: %2</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_record.py" line="+42"/>
        <source>调解笔录：双方陈述、调解结果</source>
        <translation>Session record: both sides&apos; statements and the outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调解结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>结果</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（请选择）</source>
        <translation>(choose)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>下次调解日期</source>
        <translation>Next session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>（未定）</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>备注</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>调解经过、争议焦点；未达成协议时写明原因（调解终结书载明）</source>
        <translation>How the session went, the points in dispute; without agreement, why (the termination record states it)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <location filename="../../ui/views/documents/verify_parts.py" line="+112"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>数字签名 %1</source>
        <translation>Digital signature %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>（无法读取）</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签署人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>证书主体</source>
        <translation>Certificate subject</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1（本地时间，由签署方电脑记录）</source>
        <translation>%1 (local time, as the signer&apos;s computer recorded it)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签署时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>证书指纹</source>
        <translation>Certificate fingerprint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>本组织证书</source>
        <translation>This organisation&apos;s certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>自签名证书</source>
        <translation>Self-signed certificate</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>证书颁发机构签发</source>
        <translation>Issued by a certificate authority</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>（已信任）</source>
        <translation> (trusted)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证书类型</source>
        <translation>Certificate type</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签名原因</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>签署地点</source>
        <translation>Location</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>覆盖整个文件</source>
        <translation>Covers the whole file</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>签名后文件有追加内容</source>
        <translation>Content was added after signing</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>签名范围</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>是：与本机的组织证书一致</source>
        <translation>Yes: matches this organisation&apos;s certificate</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>否：不是本机组织的证书签署的</source>
        <translation>No: not signed with this organisation&apos;s certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>无法判断：本机还没有组织证书</source>
        <translation>Unknown: this computer has no organisation certificate yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>案件库中的记录</source>
        <translation>Record in the case store</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>未核对：本版本的案件库还没有登记文书的哈希值。</source>
        <translation>Not checked: this version&apos;s case store does not record document hashes yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>未核对：没有打开案件库。</source>
        <translation>Not checked: no case store is open.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <location line="+3"/>
        <source>核对结果</source>
        <translation>Result</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>案件库中没有与这个文件完全一致的文书：它可能不是本机生成的，或已被改动。</source>
        <translation>No document in the case store is identical to this file: it may not have been made here, or it was changed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>与案件库中的文书一致（内容哈希相同）</source>
        <translation>Matches a document in the case store (same content hash)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文书</source>
        <translation>Document</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>第 %1 版</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>签名使用的是调解组织自行生成的证书（自签名），没有第三方机构为签署人身份担保：请把上面的证书指纹与该调解组织公布的指纹核对。</source>
        <translation>The signature uses a certificate the organisation made itself (self-signed); no third party vouches for the signer: compare the fingerprint above with the one the organisation publishes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <location filename="../../ui/views/reports/window.py" line="+67"/>
        <location line="+3"/>
        <location line="+25"/>
        <source>统计</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>履行跟踪</source>
        <translation>Plan follow-up</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>受理日期</source>
        <translation>Taken in</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>批次</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>金额</source>
        <translation>Amounts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按状态</source>
        <translation>By status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按调解员</source>
        <translation>By mediator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未结案件账龄</source>
        <translation>Ageing of open cases</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按债权人</source>
        <translation>By creditor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按批次</source>
        <translation>By batch</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>导出提醒短信…</source>
        <translation>Export reminder SMS…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按联系记录的短信模板导出，供中心的短信平台发送；导出不记为联系</source>
        <translation>Exported with the contact log&apos;s message templates for the centre&apos;s SMS platform; exporting is not logged as contact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>标记为已发送</source>
        <translation>Mark as sent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>把所选提醒记为一次短信联系（按联系规则检查）</source>
        <translation>Log the selected reminder as an SMS contact (checked against the contact rules)</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>主张</source>
        <translation>Claimed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>依法核算</source>
        <translation>Lawful</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已回收</source>
        <translation>Recovered</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1：今日到期 %2，本周到期 %3，已逾期 %4，已违约 %5</source>
        <translation>%1: due today %2, due this week %3, overdue %4, defaulted %5</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>导出提醒短信</source>
        <translation>Export reminder SMS</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>请先在列表中选择一条提醒。</source>
        <translation>Select a reminder in the list first.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>已记录：%1 短信提醒 %2</source>
        <translation>Logged: %1 SMS reminder to %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>导出统计</source>
        <translation>Export report</translation>
    </message>
</context>
<context>
    <name>SealPicker</name>
    <message>
        <location filename="../../ui/views/settings/seal_picker.py" line="+62"/>
        <source>印章图片</source>
        <translation>Seal image</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>PNG 或 JPEG。透明背景的 PNG 盖在文字上效果最好；大图会缩小到 1200 像素。</source>
        <translation>PNG or JPEG. A PNG with a transparent background looks best over text; large pictures are scaled down to 1200 pixels.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>选择图片…</source>
        <translation>Choose picture…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>清除印章</source>
        <translation>Clear seal</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>还没有印章图片：文书上只印组织名称。</source>
        <translation>No seal image yet: documents show only the organisation&apos;s name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2 像素</source>
        <translation>%1 × %2 pixels</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>选择印章图片</source>
        <translation>Choose seal image</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>图片 (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SessionWizard</name>
    <message>
        <location filename="../../ui/views/session_wizard/window.py" line="+108"/>
        <source>调解 %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>正在打开调解…</source>
        <translation>Opening the session…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>调解步骤</source>
        <translation>Session steps</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>每项输入都会自动保存，无需按“保存”。

Alt+→ 下一步
Alt+← 上一步
Alt+1…9 跳到某一步
回车：到下一项（多行文字里换行）</source>
        <translation>Every entry is saved as you type; there is no Save button.

Alt+→ next step
Alt+← previous step
Alt+1…9 go to a step
Enter: next field (a new line in long text)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>上一步</source>
        <translation>Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>第 %1 步，共 %2 步</source>
        <translation>Step %1 of %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>调解 %1 · 债务人 %2 · %3 · 开始于 %4</source>
        <translation>Session %1 · debtor %2 · %3 · started %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · 结束于 %1</source>
        <translation> · ended %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>已自动保存 %1</source>
        <translation>Saved automatically at %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/views/settings/dialog.py" line="+42"/>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>调解组织</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数字证书</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LPR 利率表</source>
        <translation>LPR table</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>备份</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>账户</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解组织的资料有未保存的修改。要保存吗？</source>
        <translation>The organisation&apos;s details have unsaved changes. Save them?</translation>
    </message>
</context>
<context>
    <name>SettlementPage</name>
    <message>
        <location filename="../../ui/views/settlement/page.py" line="+92"/>
        <source>第 %1 条：</source>
        <translation>Term %1: </translation>
    </message>
    <message>
        <location line="+47"/>
        <source>在上方列表中选择一个案件，即可在这里确定调解方案。</source>
        <translation>Choose a case in the list above to work out its settlement here.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>依法应还</source>
        <translation>Lawful</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>元 → 和解金额</source>
        <translation>yuan → settled</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>元</source>
        <translation>yuan</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>保存调解方案（签署前可修改，签署后不可更改）</source>
        <translation>Save the settlement (it can change until the agreement is signed, never after)</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>案件 %1 还没有保存的计算结果。调解方案以依法应还金额为基础：请先在“重新计算”中计算并保存计算结果，再回到这里。</source>
        <translation>Case %1 has no saved recalculation yet. A settlement starts from the lawful amount: compute and save it under &quot;Recalculation&quot; first, then come back here.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>依据第 %1 号计算结果（计算日 %2）</source>
        <translation>Based on recalculation no. %1 (as of %2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>；已保存的方案依据第 %1 号，保存后改用本结果</source>
        <translation>; the saved settlement used no. %1, saving switches to this one</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>调解协议已签署（%1），以下条款不可更改。履行情况见“履行情况”。</source>
        <translation>The agreement is signed (%1): these terms can no longer change. See &quot;Performance&quot; for the payments.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>案件当前为“%1”，不能再修改调解方案。</source>
        <translation>The case is &quot;%1&quot;: its settlement can no longer change.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>草稿已自动保存 %1</source>
        <translation>Draft saved automatically %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>按“保存”校验后，草稿即成为调解方案</source>
        <translation>Press Save: once it checks out, the draft becomes the settlement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>尚未保存</source>
        <translation>Not saved yet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存 %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>草稿未能自动保存：%1</source>
        <translation>The draft could not be saved: %1</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>减免项有误，请看标红的项目</source>
        <translation>A waiver is refused; see the fields in red</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>共减免 %1 元</source>
        <translation>%1 yuan waived in all</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>债权人未提出最低可接受金额</source>
        <translation>The creditor stated no minimum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>⚠ 低于债权人可接受的最低金额 %1 元（差 %2 元），请与债权人确认</source>
        <translation>⚠ Below the creditor&apos;s minimum of %1 yuan (short by %2 yuan): confirm with the creditor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>债权人可接受的最低金额 %1 元</source>
        <translation>Creditor&apos;s minimum: %1 yuan</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>未保存：请按标红的提示修改后再保存。</source>
        <translation>Not saved: correct the fields in red and save again.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>正在保存…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>SettlementStep</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_settlement.py" line="+35"/>
        <source>调解方案：减免、还款计划和违约条款</source>
        <translation>Settlement: waivers, instalment plan and default terms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>调整减免和还款计划后按“保存”：方案整体校验后才存入案卷。</source>
        <translation>Adjust the waivers and the plan, then press Save: a settlement is checked as a whole before it is stored.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>已保存的方案：还款总额 %1 元。修改后请再次保存。</source>
        <translation>Saved settlement: %1 yuan in total. Save again after any change.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../ui/views/lock/sign_in_dialog.py" line="+76"/>
        <source>已锁定</source>
        <translation>Locked</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>登录调解工作台</source>
        <translation>Sign in to Mediation Desk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>调解工作台已锁定。请输入密码继续工作；其他用户也可以在此登录。</source>
        <translation>Mediation Desk is locked. Enter your password to go on; another user may also sign in here.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+41"/>
        <source>请输入用户名和密码。</source>
        <translation>Please enter the user name and password.</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>用户名</source>
        <translation>User name</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+70"/>
        <source>登录</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>正在核对…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>登录（%1 秒后可再试）</source>
        <translation>Sign in (try again in %1 s)</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/views/documents/signature_pad.py" line="+59"/>
        <source>签名板</source>
        <translation>Signature pad</translation>
    </message>
</context>
<context>
    <name>SignaturesPage</name>
    <message>
        <location filename="../../ui/views/session_wizard/step_signatures.py" line="+41"/>
        <source>生成协议书定稿(&amp;G)</source>
        <translation>Make the agreement &amp;final</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>签名：协议书定稿后各方依次签名，或纸面签名后附扫描件</source>
        <translation>Signatures: the agreement is made final, then everyone signs in turn, or signs on paper and the scan is attached</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>签名人姓名</source>
        <translation>Signer&apos;s name</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>签名板：用鼠标、手写笔或触屏签名，按“确认签名”记录签名人和时间。
纸面签名：打印协议书签字后，拍照或扫描签名页，按“纸面签名，附扫描件”选择文件。</source>
        <translation>Pad: sign with a mouse, pen or finger, then Confirm signature records who signed and when.
Paper: print the agreement, sign it, photograph or scan the signature page, then choose the file with Signed on paper.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>撤销一笔</source>
        <translation>Undo stroke</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>确认签名(&amp;S)</source>
        <translation>Confirm &amp;signature</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>纸面签名，附扫描件(&amp;P)…</source>
        <translation>Signed on &amp;paper, attach scan…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>只有达成协议时才需要签名：本次调解不需要。</source>
        <translation>Signatures are needed only for an agreement: not for this session.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>正在生成协议书定稿…</source>
        <translation>Making the agreement final…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>还不能定稿：</source>
        <translation>Cannot make it final yet: </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>已签署</source>
        <translation>signed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>待签名</source>
        <translation>to be signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人民调解协议书第 %1 版（%2）</source>
        <translation>Mediation agreement, version %1 (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>已签署（纸面）</source>
        <translation>Signed (on paper)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>已签名：%1，%2</source>
        <translation>Signed: %1, %2</translation>
    </message>
    <message>
        <location line="-103"/>
        <location line="+124"/>
        <source>签名人</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>请 %1 签名，签名人：</source>
        <translation>%1 signs; signer:</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>图片或 PDF (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.pdf)</source>
        <translation>Images or PDF (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.pdf)</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>未签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>选择签名页的扫描件或照片</source>
        <translation>Choose the scan or photo of the signature page</translation>
    </message>
</context>
<context>
    <name>StatementView</name>
    <message>
        <location filename="../../ui/views/recalc/parts.py" line="+22"/>
        <source>计算明细（逐笔列出每一分钱的来历；点左侧箭头展开）</source>
        <translation>Statement (where every fen comes from; click the arrow on the left to expand)</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <location filename="../../ui/views/cases/status_dialog.py" line="+57"/>
        <source>更改案件状态 %1</source>
        <translation>Change the status of %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>案件 %1 当前为“%2”。</source>
        <translation>Case %1 is now “%2”.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>如：（2026）浙0108民特123号</source>
        <translation>e.g. (2026) Zhe 0108 Min Te No. 123</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>改为</source>
        <translation>New status</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>更改状态</source>
        <translation>Change status</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SyncNotesDialog</name>
    <message>
        <location filename="../../ui/views/sync/notes_dialog.py" line="+33"/>
        <source>同步冲突与提醒</source>
        <translation>Sync conflicts and notices</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>以下是办公室在同步时记录、需要有人核对的事项。数据都已保留，没有自动取舍。</source>
        <translation>What the office recorded during sync for a person to check. All data was kept; nothing was chosen automatically.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>事项</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <location filename="../../ui/views/sync/status_widget.py" line="+73"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>同步冲突</source>
        <translation>Sync conflicts</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>未登记办公室</source>
        <translation>Not enrolled with an office</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>先用 office join 把这台电脑登记到办公室</source>
        <translation>Enrol this computer with the office first (office join)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>同步未完成</source>
        <translation>Sync not finished</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+49"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>在线</source>
        <translation>Online</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>，待上传 %1 件</source>
        <translation>, %1 cases to upload</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>上次同步：%1</source>
        <translation>Last sync: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>冲突 %1</source>
        <translation>Conflicts %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>同步中…</source>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>连不上办公室，%1后自动重试；案件都保存在本机，不会丢失。</source>
        <translation>Cannot reach the office; trying again in %1. Your cases are kept on this laptop, nothing is lost.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 分钟</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 秒</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>TermsBox</name>
    <message>
        <location filename="../../ui/views/settlement/terms_box.py" line="-197"/>
        <source>违约条款与利息</source>
        <translation>Default terms and interest</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>请填写</source>
        <translation>Required</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+31"/>
        <source> 天</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>任一期逾期超过</source>
        <translation>When an instalment is more than</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>仍未还清的，剩余款项全部到期</source>
        <translation>late and still unpaid, the rest falls due at once</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>加速到期 *</source>
        <translation>Acceleration *</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>减免部分恢复：可主张原依法应还金额减去已还款</source>
        <translation>Waivers revive: the original lawful amount less payments becomes claimable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>减免不恢复：只主张剩余未还的和解款</source>
        <translation>Waivers do not revive: only the unpaid rest of the settlement is claimable</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>违约后减免 *</source>
        <translation>On default *</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>无宽限期</source>
        <translation>No grace</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>到期日后这些天内还款不算逾期</source>
        <translation>Payment within these days after the due date is not late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>宽限期</source>
        <translation>Grace period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>分期计息</source>
        <translation>Plan interest</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>分期计息年利率</source>
        <translation>Annual rate of the instalment interest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>年利率，如 6%</source>
        <translation>Annual rate, e.g. 6%</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>起息日</source>
        <translation>From</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>上限为年利率 %1（与重新计算相同）</source>
        <translation>Capped at %1 a year (as in the recalculation)</translation>
    </message>
</context>
<context>
    <name>TodoBox</name>
    <message>
        <location filename="../../ui/views/session_wizard/todo_box.py" line="+31"/>
        <location line="+21"/>
        <source>还需要：</source>
        <translation>Still needed:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>本步已完成。</source>
        <translation>This step is complete.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>…… 另有 %1 项（指向此处可看全部）</source>
        <translation>… and %1 more (point here to see them all)</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/views/documents/verify_dialog.py" line="+59"/>
        <source>核验文书</source>
        <translation>Verify a document</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>请选择要核验的 PDF 文书，或把文件拖到这里。</source>
        <translation>Choose a PDF document to verify, or drop the file here.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>选择 PDF…</source>
        <translation>Choose PDF…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>复制报告</source>
        <translation>Copy report</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>原始报告（JSON）</source>
        <translation>Raw report (JSON)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>选择要核验的文书</source>
        <translation>Choose the document to verify</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF 文件 (*.pdf);;所有文件 (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>文件：%1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>正在核验…</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>完好</source>
        <translation>Intact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已被改动</source>
        <translation>Changed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未签名</source>
        <translation>Not signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>不是本组织签署</source>
        <translation>Not signed by this organisation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>文件自签名以来没有任何改动，数字签名有效；但本机没有组织证书可以比对，没有核对签署人身份：请把证书指纹与签署的调解组织公布的指纹核对。</source>
        <translation>The file has not changed since it was signed and the signature is valid; but there is no organisation certificate here to compare with, so the signer was not checked: compare the certificate fingerprint with the one the signing organisation publishes.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>文件自签名以来没有任何改动，由本组织的证书签署，数字签名有效。</source>
        <translation>The file has not changed since it was signed, with this organisation&apos;s certificate; the signature is valid.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>文件签名后没有改动，但签名不是用本组织的证书做的（只是名称可能相同）：不能把它当作本组织签署的原件。</source>
        <translation>The file has not changed since it was signed, but not with this organisation&apos;s certificate (the name may merely be the same): do not treat it as an original signed by this organisation.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>这个文件没有数字签名，无法证明它未被改动。</source>
        <translation>This file has no digital signature, so nothing shows it is unchanged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文件在签名之后被改动过，或签名已损坏：不能把它当作原件使用。</source>
        <translation>The file was changed after signing, or the signature is damaged: do not treat it as the original.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>无法核验</source>
        <translation>Cannot verify</translation>
    </message>
</context>
<context>
    <name>ViewsTable</name>
    <message>
        <location filename="../../ui/views/recalc/parts.py" line="-138"/>
        <source>主张、合同、依法三种口径对照</source>
        <translation>Claimed, contract and lawful amounts side by side</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>核减（合同−依法）</source>
        <translation>Reduction</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>债权人主张高于按合同计算的金额 %1 元</source>
        <translation>The claim is %1 yuan above what the contract gives</translation>
    </message>
</context>
<context>
    <name>WorklistDialog</name>
    <message>
        <location filename="../../ui/views/contacts/worklist.py" line="+50"/>
        <source>今日联系</source>
        <translation>Today&apos;s contacts</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>刷新</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>日期</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>案号</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>联系谁</source>
        <translation>Whom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>为什么</source>
        <translation>Why</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>今天还能联系吗</source>
        <translation>Allowed today?</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>双击一行打开该案件。红色为已逾期的事项。本软件不拨打电话、不发送短信。</source>
        <translation>Double-click a row to open the case. Overdue items are red. The app makes no calls and sends no messages.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>共 %1 项，其中逾期 %2 项</source>
        <translation>%1 items, %2 overdue</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../app/domain/vocab.py" line="+25"/>
        <source>银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>消费金融公司</source>
        <translation>Consumer finance company</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>小额贷款公司</source>
        <translation>Small loan company</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他持牌金融机构</source>
        <translation>Other licensed lender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>信用卡</source>
        <translation>Credit card</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>民间借贷</source>
        <translation>Private lending</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>到期一次性还本付息</source>
        <translation>All at maturity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等额本息</source>
        <translation>Equal instalments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>等额本金</source>
        <translation>Equal principal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>先息后本</source>
        <translation>Interest only, principal at end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>按约定还款计划</source>
        <translation>Agreed schedule</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债务人</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>共同债务人</source>
        <translation>Co-debtor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保证人</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>代理人</source>
        <translation>Agent</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>自然人</source>
        <translation>person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>单位</source>
        <translation>organisation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>居民身份证</source>
        <translation>Resident ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>统一社会信用代码</source>
        <translation>Unified social credit code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>护照</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他证件</source>
        <translation>Other ID</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>逾期费/滞纳金</source>
        <translation>Late fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>管理费</source>
        <translation>Management fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>服务费</source>
        <translation>Service fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>违约金</source>
        <translation>Liquidated damages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>催收费</source>
        <translation>Collection fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他费用</source>
        <translation>Other fee</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>诉讼费</source>
        <translation>Court fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保全费</source>
        <translation>Preservation fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>公告费</source>
        <translation>Announcement fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>律师费</source>
        <translation>Lawyer fee</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主任调解员</source>
        <translation>Chief mediator</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>调解通知书</source>
        <translation>Notice of mediation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解笔录</source>
        <translation>Session record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>人民调解协议书</source>
        <translation>Mediation agreement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款计划表</source>
        <translation>Repayment plan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>司法确认申请书</source>
        <translation>Application for judicial confirmation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解终结书</source>
        <translation>Record of termination</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>民事起诉状</source>
        <translation>Civil complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权金额计算说明</source>
        <translation>Statement of the claimed amount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证据目录</source>
        <translation>List of evidence</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证据保全证书</source>
        <translation>Evidence preservation certificate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>强制执行申请书</source>
        <translation>Application for enforcement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>草稿</source>
        <translation>Draft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>定稿</source>
        <translation>Final</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已签署</source>
        <translation>Signed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已打印</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>手写签名</source>
        <translation>Handwritten signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>纸质签字（扫描件）</source>
        <translation>Signed on paper (scan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数字签名</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>签字纸本的扫描件或照片</source>
        <translation>Scan or photo of the signed paper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>带手写签名的 PDF</source>
        <translation>PDF with handwritten signatures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>数字签名的 PDF</source>
        <translation>Digitally signed PDF</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>导入未完成</source>
        <translation>Import incomplete</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已导入</source>
        <translation>Imported</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>已撤回</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="+111"/>
        <source>{year}年{month}月{day}日</source>
        <translation>{year}-{month:02d}-{day:02d}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../app/domain/evidence_kinds.py" line="+8"/>
        <source>借款合同</source>
        <translation>Loan contract</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>放款（转账）凭证</source>
        <translation>Disbursement (transfer) record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款记录</source>
        <translation>Repayment history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>催告通知及送达记录</source>
        <translation>Demand notices and proof of service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>录音录像</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主体身份证明</source>
        <translation>Proof of identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他证据</source>
        <translation>Other evidence</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../ui/main.py" line="+73"/>
        <source>调解工作台</source>
        <translation>Mediation Desk</translation>
    </message>
    <message>
        <location line="+169"/>
        <source>重新计算</source>
        <translation>Recalculation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>联系记录</source>
        <translation>Contacts</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>和解方案</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>履行情况</source>
        <translation>Performance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
</context>
<context>
    <name>refusal</name>
    <message>
        <location filename="../../ui/refusal.py" line="+89"/>
        <source>未能完成</source>
        <translation>Could not be done</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../app/domain/vocab.py" line="-43"/>
        <source>调解员</source>
        <translation>Mediator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>主管</source>
        <translation>Supervisor</translation>
    </message>
</context>
<context>
    <name>session_wizard</name>
    <message>
        <location filename="../../app/domain/session_record.py" line="+14"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>当事人</source>
        <translation>Parties</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权债务</source>
        <translation>Debt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>重新计算</source>
        <translation>Recalculation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解方案</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>调解笔录</source>
        <translation>Session record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>文书</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>签名</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>完成</source>
        <translation>Finish</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>债务人</source>
        <translation>Debtor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>共同债务人</source>
        <translation>Co-debtor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>保证人</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权人</source>
        <translation>Creditor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债权人委托代理人</source>
        <translation>Creditor&apos;s agent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>其他人员</source>
        <translation>Other</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>达成协议</source>
        <translation>Agreed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>未达成协议</source>
        <translation>Not agreed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>改期继续调解</source>
        <translation>Adjourned</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>债权人一方</source>
        <translation>Creditor&apos;s side</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>债务人一方</source>
        <translation>Debtor&apos;s side</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>请求事项及理由</source>
        <translation>Claims and grounds</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>对借款事实与还款情况的陈述</source>
        <translation>The loan and the repayments, as the creditor states them</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>可以接受的减免与还款安排</source>
        <translation>Waivers and repayment the creditor can accept</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>对借款事实和欠款金额的意见</source>
        <translation>The debtor&apos;s view of the loan and the amount owed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款能力与实际困难</source>
        <translation>Ability to pay and hardships</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>还款意向与方案</source>
        <translation>Willingness to pay and proposal</translation>
    </message>
    <message>
        <location filename="../../ui/views/session_wizard/words.py" line="+44"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>出席身份</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件类型</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>身份核对</source>
        <translation>Identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>授权委托情况</source>
        <translation>Authorisation</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/main.py" line="-41"/>
        <source>口令不正确</source>
        <translation>Wrong passphrase</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>无法打开案件库</source>
        <translation>Cannot open the case store</translation>
    </message>
</context>
</TS>
