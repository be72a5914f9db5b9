"""Fixtures for the desktop client's tests: the bundled font and style, fake services,
the inline task runner and a main window over them."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest

from tests.gui.fakes import FakeCaseService, summary


@pytest.fixture(scope="session")
def themed_app(qapp):
    """The test QApplication with the bundled font and the app's style, as in `run_gui`."""
    from ui import theme

    theme.load_ui_font(qapp)
    theme.apply_theme(qapp)
    return qapp


@pytest.fixture
def sample_cases():
    return [
        summary(
            1,
            debtor_name="张三",
            principal=Decimal("100000.00"),
            claimed_total=Decimal("131250.50"),
            debtor_id_number="420102199003071234",
            debtor_phone="13812345678",
        ),
        summary(
            2,
            debtor_name="李四",
            principal=Decimal("9000.00"),
            claimed_total=Decimal("9500.00"),
            lender_type="private",
            creditor_name="王五",
            status="defaulted",
            status_label="已违约",
        ),
        summary(
            3,
            debtor_name="欧阳娜娜",
            principal=Decimal("25000.00"),
            claimed_total=Decimal("30000.00"),
            lender_type="credit_card",
            creditor_name="中信银行股份有限公司信用卡中心",
            debtor_phone="13900001111",
        ),
    ]


@pytest.fixture
def fake_service(sample_cases) -> FakeCaseService:
    return FakeCaseService(sample_cases)


@pytest.fixture
def window(qtbot, themed_app, fake_service) -> Iterator[object]:
    """The main window over the fake services with the inline runner, its list loaded."""
    from ui.tasks import InlineTaskRunner
    from ui.views.main_window import MainWindow

    runner = InlineTaskRunner()
    win = MainWindow(fake_service, runner, None)
    runner.setParent(win)
    qtbot.addWidget(win)
    win.show()
    with qtbot.waitSignal(win.cases_loaded, timeout=3000):
        win.refresh()
    yield win
