"""The main window: the case list on top, the chosen case below, New case / Refresh / About."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStyle,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from ui import i18n
from ui.models.case_pages import PagedCaseModel, PagedCaseProxy
from ui.models.case_table import CaseFilterProxy, CaseTableModel, Column
from ui.ops import cases, maintenance
from ui.refusal import Refusal, refused, show_refusal
from ui.tasks import TaskRunner
from ui.views.cases.case_detail import CaseDetailView
from ui.widgets.accessible import name_inputs
from ui.widgets.message_label import message_label

if TYPE_CHECKING:
    from app.services.cases.listing import FilterChoices
    from app.services.cases.service import CaseDetail, CaseSummary
    from app.services.organisation.accounts import SignedIn
    from ui.services import Core
    from ui.views.cases.new_case_dialog import NewCaseDialog
    from ui.views.sync.status_widget import SyncStatusWidget

# Starting widths (px) at which every column reads in full at 1366 × 768.
COLUMN_WIDTHS = {
    Column.CASE_NO: 120,
    Column.DEBTOR: 70,
    Column.ID_NUMBER: 150,
    Column.PHONE: 100,
    Column.CREDITOR: 230,
    Column.LENDER_TYPE: 128,
    Column.PRINCIPAL: 100,
    Column.CLAIMED: 100,
    Column.STATUS: 116,
    Column.MEDIATOR: 64,
    Column.UPDATED: 120,
}


class MainWindow(QMainWindow):
    """Lists the cases of one case store and shows the chosen one.

    Signals:
        cases_loaded(int): the list was (re)loaded with this many cases.
        case_shown(str): the detail pane now shows this case number.
        lock_requested(): the user chose 锁定 (the app lock covers the windows).
        idle_minutes_changed(int): 设置 → 账户 saved a new idle time before the lock.
    """

    cases_loaded = Signal(int)
    case_shown = Signal(str)
    lock_requested = Signal()
    idle_minutes_changed = Signal(int)

    def __init__(
        self,
        service: Core,
        runner: TaskRunner,
        data_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._data_dir = data_dir
        self._wanted_case = ""
        self._select_after_load = ""
        self._reveal_after_load = False
        self._user: SignedIn | None = None
        self._shown_case = ""
        self._pending_panels: Callable[[], None] | None = None
        self.setWindowTitle(self.tr("调解工作台"))
        self.paged = service.data_dir is not None
        """A real case store: the list reads a page at a time (`ui.models.case_pages`);
        an in-memory core (tests) keeps the whole list."""
        self.model: Any
        self.proxy: Any
        if self.paged:
            self.model = PagedCaseModel(service, runner, self)
            self.proxy = PagedCaseProxy(self)
            self.model.loaded.connect(self._pages_arrived)
            self.model.failed.connect(self._failed)
        else:
            self.model = CaseTableModel(self)
            self.proxy = CaseFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self._all_cases = 0
        self._refresh_soon = QTimer(self)  # after the wizard changed a case, once it settles
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.setInterval(800)
        self._refresh_soon.timeout.connect(lambda: self.refresh())
        self._build_actions()
        self._build_central()
        self._build_status_bar()
        name_inputs(self)
        self.resize(1366, 768)

    # -- building --------------------------------------------------------------------------

    def _build_actions(self) -> None:
        style = self.style()
        self.new_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileIcon), self.tr("新建案件"), self
        )
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.open_new_case)
        self.refresh_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload), self.tr("刷新"), self
        )
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(lambda: self.refresh())
        self.about_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation),
            self.tr("关于"),
            self,
        )
        self.about_action.triggered.connect(self.show_about)
        self.session_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay), self.tr("开始调解"), self
        )
        self.session_action.setShortcut(QKeySequence("Ctrl+M"))
        self.session_action.setToolTip(self.tr("开始或继续所选案件的调解（也可双击案件）"))
        self.session_action.triggered.connect(lambda: self.open_session())
        self.worklist_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView),
            self.tr("今日联系"),
            self,
        )
        self.worklist_action.setToolTip(self.tr("今天该联系谁、为什么（遵守联系时段和次数）"))
        self.worklist_action.triggered.connect(lambda: self.open_worklist())
        opener = style.standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton)
        self.import_action = QAction(opener, self.tr("导入案件…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(self.tr("把出借人发来的案件清单（Excel 或 CSV）整批导入"))
        self.import_action.triggered.connect(lambda: self.open_import())
        self.batches_action = QAction(self.tr("批次…"), self)
        self.batches_action.setToolTip(self.tr("导入的批次：汇总、分配调解员、撤回"))
        self.batches_action.triggered.connect(lambda: self.open_batches())
        self.approvals_action = QAction(self.tr("待债权人批准…"), self)
        self.approvals_action.setToolTip(self.tr("超出债权人授权、等待债权人批复的调解方案"))
        self.approvals_action.triggered.connect(lambda: self.open_approvals())
        self.verify_action = QAction(
            style.standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton),
            self.tr("核验文书…"),
            self,
        )
        self.verify_action.triggered.connect(self.open_verify)
        self.reports_action = QAction(self.tr("统计…"), self)
        self.reports_action.setToolTip(self.tr("案件统计、调解成功率、金额和履行跟踪"))
        self.reports_action.triggered.connect(lambda: self.open_reports())
        self.settings_action = QAction(self.tr("设置…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(lambda: self.open_settings())
        self.lock_action = QAction(self.tr("锁定"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.setToolTip(self.tr("离开时锁定：输入密码后继续，打开的窗口保持原样"))
        self.lock_action.setEnabled(False)  # once someone has signed in
        self.lock_action.triggered.connect(self.lock_requested)
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        menu = self.menuBar()
        case_menu = menu.addMenu(self.tr("案件(&C)"))
        case_menu.addActions(
            [
                self.new_action,
                self.import_action,
                self.session_action,
                self.worklist_action,
                self.refresh_action,
            ]
        )
        case_menu.addAction(self.batches_action)
        case_menu.addSeparator()
        case_menu.addAction(self.approvals_action)
        case_menu.addAction(self.verify_action)
        case_menu.addAction(self.reports_action)
        case_menu.addSeparator()
        case_menu.addActions([self.lock_action, quit_action])
        settings_menu = menu.addMenu(self.tr("设置(&S)"))
        settings_menu.addAction(self.settings_action)
        self.language_menu = settings_menu.addMenu(self.tr("语言 / Language"))
        for code, text in (("zh_CN", "简体中文"), ("en", "English")):
            action = self.language_menu.addAction(text)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(i18n.current_language() == code)
            action.triggered.connect(lambda _on=False, c=code: self.choose_language(c))
        menu.addMenu(self.tr("帮助(&H)")).addAction(self.about_action)
        toolbar = QToolBar(self.tr("工具栏"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions(
            [
                self.new_action,
                self.import_action,
                self.session_action,
                self.worklist_action,
                self.refresh_action,
                self.about_action,
            ]
        )
        self.addToolBar(toolbar)

    def _build_central(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 6)
        layout.setSpacing(6)
        self.banner = message_label("errorBanner")
        layout.addWidget(self.banner)
        layout.addLayout(self._build_search_row())
        if self.paged:
            from ui.views.cases.case_filters import CaseFilterBar

            self.filters = CaseFilterBar()
            self.filters.changed.connect(self._filters_changed)
            layout.addWidget(self.filters)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_table())
        self.detail = CaseDetailView(service=self._service, runner=self._runner)
        self.detail.case_changed.connect(lambda case_no: self.refresh(case_no))
        self.case_tabs = QTabWidget()
        self.case_tabs.setObjectName("caseTabs")
        self.case_tabs.setDocumentMode(True)
        self.case_tabs.addTab(self.detail, self.tr("案件信息"))
        splitter.addWidget(self.case_tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 360])  # nine rows, and room for three parties
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

    def add_case_panel(self, panel: QWidget, title: str) -> None:
        """Add a tab beside 案件信息; the panel follows `case_shown` to load the chosen case."""
        self.case_tabs.addTab(panel, title)
        name_inputs(panel)
        loader = getattr(panel, "show_case_no", None)
        if callable(loader):
            self.case_shown.connect(loader)
            if self._shown_case:  # added after a case was shown
                loader(self._shown_case)

    def defer_case_panels(self, build: Callable[[], None]) -> None:
        """`build` adds the case panels when `build_case_panels` is called (once)."""
        self._pending_panels = build

    def build_case_panels(self) -> None:
        build, self._pending_panels = self._pending_panels, None
        if build is not None:
            build()

    def _build_search_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        title = QLabel(self.tr("案件列表"))
        title.setObjectName("sectionTitle")
        row.addWidget(title)
        row.addStretch(1)
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filter")
        self.filter_edit.setAccessibleName(self.tr("搜索案件"))
        self.filter_edit.setPlaceholderText(self.tr("搜索姓名、案号、身份证号或手机号"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(320)
        self.filter_edit.textChanged.connect(self._filter_changed)
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: self.filter_edit.setFocus())
        self.addAction(find)
        self.shown_label = QLabel()
        self.shown_label.setObjectName("shownCount")
        row.addWidget(self.shown_label)
        row.addSpacing(8)
        row.addWidget(self.filter_edit)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("caseTable")
        table.setAccessibleName(self.tr("案件列表"))
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(Column.UPDATED, Qt.SortOrder.DescendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.doubleClicked.connect(lambda _index: self.open_session())
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(28)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        for column, width in COLUMN_WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(Column.CREDITOR, QHeaderView.ResizeMode.Stretch)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table = table
        return table

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label)
        self.user_label = QLabel()
        self.user_label.setObjectName("currentUser")
        self.statusBar().addPermanentWidget(self.user_label)
        where = str(self._data_dir) if self._data_dir else ""
        self.data_dir_label = QLabel(self.tr("数据目录：%1").replace("%1", where))
        self.data_dir_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.data_dir_label)
        self.sync_widget: SyncStatusWidget | None = None
        if self._service.data_dir is not None:  # office sync needs a store on disk
            from ui.views.sync.status_widget import SyncStatusWidget

            self.sync_widget = SyncStatusWidget(self._service, self._runner, self, start=False)
            self.sync_widget.synced.connect(lambda _result: self.refresh())
            self.statusBar().addPermanentWidget(self.sync_widget)

    # -- who is signed in -----------------------------------------------------------------

    @property
    def user(self) -> SignedIn | None:
        """Who signed in (None until the app lock says so, and in tests without it)."""
        return self._user

    def set_user(self, user: SignedIn | None) -> None:
        """Show who works now; the services act (and audit) in their name from now on."""
        from ui.views.lock.sign_in_dialog import role_label

        self._user = user
        self._service.signed_in = user
        self.lock_action.setEnabled(user is not None)
        if user is None:
            self.user_label.setText("")
            return
        text = self.tr("当前用户：%1（%2）")
        self.user_label.setText(
            text.replace("%1", user.display_name).replace("%2", role_label(user.role))
        )

    # -- loading ---------------------------------------------------------------------------

    def refresh(self, select_case: str = "") -> None:
        """Reload the case list in the background, then select `select_case` (or keep the
        current one)."""
        self._select_after_load = select_case or self.current_case_no()
        self._reveal_after_load = bool(select_case)
        self.count_label.setText(self.tr("正在读取案件…"))
        self.refresh_action.setEnabled(False)
        if self.sync_widget is not None:  # the store is open now: the corner may ask it
            self.sync_widget.refresh()
        if self.paged:
            self._load_filter_choices()
            self.model.reload()
            return
        self._runner.run(cases.list_cases(self._service)).success(self._cases_arrived).failure(
            refused(self._failed, always=lambda: self.refresh_action.setEnabled(True))
        )

    def _load_filter_choices(self) -> None:
        self._runner.run(cases.filter_choices(self._service)).success(
            self._choices_arrived
        ).failure(refused(self._failed))

    def _choices_arrived(self, choices: FilterChoices) -> None:
        self.filters.set_choices(choices)  # the runner drops it once the window is gone

    def _filters_changed(self) -> None:
        self.model.reload(self.filters.apply(self.model.filter))

    def _pages_arrived(self, total: int) -> None:
        """The paged list's count and first page are in (after a refresh, search or filter)."""
        self.refresh_action.setEnabled(True)
        self.banner.setVisible(False)
        flt = self.model.filter
        if flt == type(flt)():
            self._all_cases = total
        self._update_counts()
        wanted = self._select_after_load
        self._select_after_load = ""
        shown = self.detail.detail()
        if wanted and not self.select_case(wanted) and self._reveal_after_load:
            self.filter_edit.clear()
        current = self.current_case_no()
        if current == "":
            self.detail.clear()
        elif shown is not None and shown.summary.case_no == current:
            self._load_detail(current)  # the same case stays chosen: show what changed
        self.cases_loaded.emit(total)

    def _cases_arrived(self, cases: list[CaseSummary]) -> None:
        self.refresh_action.setEnabled(True)
        self.banner.setVisible(False)
        self.model.set_cases(cases)
        self._update_counts()
        wanted = self._select_after_load
        shown = self.detail.detail()
        if wanted and not self.select_case(wanted) and self._reveal_after_load:
            self.filter_edit.clear()  # a new case must show even if the filter hides it
            self.select_case(wanted)
        current = self.current_case_no()
        if current == "":
            self.detail.clear()
        elif shown is not None and shown.summary.case_no == current:
            self._load_detail(current)  # the same case stays chosen: show what changed
        self.cases_loaded.emit(len(cases))

    def _update_counts(self) -> None:
        if self.paged:
            self._update_paged_counts()
            return
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        self.count_label.setText(self.tr("共 %n 件案件", "", total))
        if shown == total:
            self.shown_label.setText("")
        else:
            self.shown_label.setText(
                self.tr("显示 %1 / %2 件").replace("%1", str(shown)).replace("%2", str(total))
            )

    def _update_paged_counts(self) -> None:
        from app.services.cases.listing import COUNT_CAP

        flt, found = self.model.filter, self.model.total
        everything = flt == type(flt)()
        self.count_label.setText(self.tr("共 %n 件案件", "", self._all_cases))
        if everything:
            self.shown_label.setText("")
            return
        shown = f"{COUNT_CAP}+" if found > COUNT_CAP else str(found)
        text = self.tr("找到 %1 件（共 %2 件）").replace("%1", shown)
        self.shown_label.setText(text.replace("%2", str(self._all_cases)))

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_query(text)
        if not self.paged:
            self._update_counts()

    def current_case_no(self) -> str:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return ""
        source = self.proxy.mapToSource(index)
        case = self.model.case_at(source.row()) if source.isValid() else None
        return case.case_no if case is not None else ""

    def select_case(self, case_no: str) -> bool:
        """Select a case in the list (when the filter shows it); True when it is selected."""
        row = self.model.row_of(case_no)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().setCurrentIndex(index, flags)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current) if current.isValid() else QModelIndex()
        if not source.isValid():
            return
        case = self.model.case_at(source.row())
        if case is None:
            return  # its page is on its way
        self._load_detail(case.case_no)

    def _load_detail(self, case_no: str) -> None:
        self._wanted_case = case_no
        self._runner.run(cases.get_case(self._service, case_no)).success(
            self._detail_arrived
        ).failure(refused(self._failed, always=lambda: self.refresh_action.setEnabled(True)))

    def _detail_arrived(self, detail: CaseDetail) -> None:
        if detail.summary.case_no != self._wanted_case:
            return  # the user has moved on to another case meanwhile
        self.detail.show_case(detail)
        self._shown_case = detail.summary.case_no
        self.case_shown.emit(detail.summary.case_no)

    def _failed(self, refusal: Refusal) -> None:
        """Calm words for what a user can fix (a bug goes to the crash dialog)."""
        show_refusal(refusal, self.banner)
        self.count_label.setText(self.tr("未能读取案件"))

    # -- actions ---------------------------------------------------------------------------

    def open_new_case(self) -> NewCaseDialog:
        """Open the New case dialog (window-modal); the list refreshes when a case is made."""
        from ui.views.cases.new_case_dialog import NewCaseDialog

        dialog = NewCaseDialog(self._service, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_created.connect(lambda summary: self.refresh(summary.case_no))
        dialog.open()
        return dialog

    def open_import(self) -> QWidget:
        """Open 导入案件 (window-modal); the list refreshes when cases went in."""
        from ui.views.intake.import_dialog import ImportDialog

        dialog = ImportDialog(self._service, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(lambda _report: self.refresh())
        dialog.open()
        return dialog

    def open_batches(self) -> QWidget:
        """Open 批次 (summary, assignment, withdrawal); the list refreshes after a change."""
        from ui.views.intake.batches_dialog import BatchesDialog

        dialog = BatchesDialog(self._service, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changed.connect(lambda: self.refresh())
        dialog.open()
        return dialog

    def open_session(self, case_no: str = "") -> QWidget | None:
        """Start or resume the chosen case's mediation session in its own window (one per
        case); the list refreshes when the case's status moves."""
        from ui.views.session_wizard import SessionWizard

        number = case_no or self.current_case_no()
        if not number:
            self.statusBar().showMessage(self.tr("请先在列表中选择一个案件。"), 5000)
            return None
        for child in self.findChildren(SessionWizard):
            if child.shared.case_no == number and child.isVisible():
                child.raise_()
                child.activateWindow()
                return child
        wizard = SessionWizard(self._service, self._runner, number, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.session_loaded.connect(lambda _state: self.refresh())
        wizard.session_closed.connect(lambda _closed: self.refresh())
        wizard.shared.state_changed.connect(lambda _state: self._refresh_soon.start())
        wizard.show()
        wizard.open()
        return wizard

    def open_settings(self, tab: str = "") -> QWidget | None:
        """Open 设置 (on `tab`: organisation / certificate / lpr / backups)."""
        from ui.views.settings.dialog import open_settings

        data_dir = self._data_dir or self._service.data_dir
        if data_dir is None:
            return None
        dialog = open_settings(self, self._service, self._runner, Path(data_dir), tab)
        accounts = getattr(dialog, "accounts", None)
        if accounts is not None:
            accounts.idle_minutes_saved.connect(self.idle_minutes_changed)
        return dialog

    def choose_language(self, code: str) -> None:
        """Remember the interface language; it takes effect at the next start."""
        i18n.save_language(code)
        for action in self.language_menu.actions():
            action.setChecked(action.objectName() == f"language_{code}")
        self.statusBar().showMessage(
            self.tr("界面语言已保存，下次启动时生效。 The language applies at the next start."),
            8000,
        )

    def open_worklist(self) -> QWidget:
        """Open 今日联系 (who to contact today and why); double-click shows that case."""
        from app.services.clock import china_today
        from ui.views.contacts.worklist import WorklistDialog

        dialog = WorklistDialog(self._service, self._runner, china_today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.case_chosen.connect(self._show_listed_case)
        dialog.show()
        dialog.refresh()
        return dialog

    def open_approvals(self) -> QWidget:
        """Open 待债权人批准 (settlements outside the mandate waiting for the creditor)."""
        from ui.views.settlement.approvals import ApprovalsDialog

        dialog = ApprovalsDialog(self._service, self._runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.refresh()
        return dialog

    def _show_listed_case(self, case_no: str) -> None:
        if not self.select_case(case_no):
            self.filter_edit.clear()
            self.select_case(case_no)
        self.raise_()
        self.activateWindow()

    def open_reports(self) -> QWidget:
        """Open 统计 (caseload, settlement rate, amounts, charts; the plans' worklist)."""
        from app.services.clock import china_today
        from ui.views.reports.window import ReportsWindow

        window = ReportsWindow(self._service, self._runner, china_today(), self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        window.refresh()
        return window

    def open_verify(self) -> QWidget:
        """Open 核验文书 (a PDF checked against this organisation and its case store)."""
        from ui.views.documents.verify_dialog import open_verify

        return open_verify(self, self._runner, self._data_dir)

    def show_about(self) -> None:
        text = self.tr(
            "<h3>调解工作台 %1</h3>"
            "<p>为金融借款与民间借贷纠纷调解员设计的离线桌面工具：案件登记、"
            "债权重算、调解协议与签署。</p>"
            "<p>数据目录：%2</p>"
        )
        where = str(self._data_dir) if self._data_dir else "—"
        QMessageBox.about(
            self, self.tr("关于调解工作台"), text.replace("%1", __version__).replace("%2", where)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Let a write that is under way finish before the window goes."""
        self._runner.wait_for_done(10_000)
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Close the case store on its own thread once the work under way is done."""
        self._runner.run(maintenance.close_store(self._service)).failure(lambda _error: None)
        self._runner.wait_for_done(10_000)
