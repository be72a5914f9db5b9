"""The task runner: work off the GUI thread, results and errors back on it, progress."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.errors import DomainError
from ui.tasks import Cancelled, InlineTaskRunner, Op, Progress, TaskRunner, op


@pytest.fixture
def runner(qapp):
    r = TaskRunner()
    yield r
    r.wait_for_done(5000)


def test_work_runs_off_the_gui_thread_and_reports_on_it(runner, qtbot):
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(result: int) -> None:
        seen["done"] = threading.get_ident()
        seen["result"] = result

    task = runner.submit(work, on_finished=done)
    with qtbot.waitSignal(task.finished, timeout=3000):
        pass
    assert seen["result"] == 42
    assert seen["work"] != gui
    assert seen["done"] == gui
    qtbot.waitUntil(lambda: not runner.busy())


def test_database_work_is_serialised_on_one_thread(runner, qtbot):
    threads: list[int] = []
    running = []
    overlap = []

    def work(n: int) -> int:
        running.append(n)
        overlap.append(len(running) > 1)
        threads.append(threading.get_ident())
        running.remove(n)
        return n

    results: list[int] = []
    for n in range(5):
        runner.submit(lambda n=n: work(n), on_finished=results.append)
    qtbot.waitUntil(lambda: len(results) == 5, timeout=3000)
    assert results == [0, 1, 2, 3, 4]  # in the order submitted
    assert not any(overlap)
    assert len(set(threads)) == 1


def test_failure_comes_back_as_the_exception(runner, qtbot):
    def work() -> None:
        raise DomainError("案件库已被另一个程序锁定，请关闭它后重试。")

    errors: list[BaseException] = []
    task = runner.submit(work, on_failed=errors.append)
    with qtbot.waitSignal(task.failed, timeout=3000):
        pass
    assert isinstance(errors[0], DomainError)
    assert "锁定" in str(errors[0])


def test_unhandled_failure_goes_to_the_excepthook(runner, qtbot, monkeypatch):
    caught: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, tb: caught.append(error))
    task = runner.submit(lambda: 1 / 0)
    with qtbot.waitSignal(task.failed, timeout=3000):
        pass
    assert isinstance(caught[0], ZeroDivisionError)


def test_progress_is_reported_and_cancel_is_noticed(runner, qtbot):
    started = threading.Event()
    release = threading.Event()
    steps: list[tuple[int, int]] = []

    def work(progress) -> str:
        progress.report(1, 3)
        started.set()
        release.wait(5)
        progress.check()
        return "not cancelled"

    errors: list[BaseException] = []
    task = runner.submit(
        work,
        wants_progress=True,
        on_progress=lambda d, t: steps.append((d, t)),
        on_failed=errors.append,
    )
    assert started.wait(5)
    task.cancel()
    release.set()
    qtbot.waitUntil(lambda: errors != [], timeout=3000)
    assert isinstance(errors[0], Cancelled)
    assert steps == [(1, 3)]


def test_inline_runner_runs_at_once_and_reports_through_the_loop(qapp, qtbot):
    runner = InlineTaskRunner()
    ran_on: list[int] = []
    results: list[str] = []
    runner.submit(lambda: ran_on.append(threading.get_ident()) or "ok", on_finished=results.append)
    assert ran_on == [threading.get_ident()]
    qtbot.waitUntil(lambda: results == ["ok"], timeout=1000)


# -- typed operations (`run(op)`) ------------------------------------------------------------


def test_run_hands_the_result_to_success_on_the_gui_thread(runner, qtbot):
    gui = threading.get_ident()
    seen: list[tuple[int, int]] = []
    work = op(lambda: threading.get_ident()).then(lambda worker: (worker, 7))
    task = runner.run(work).success(lambda pair: seen.append((pair[1], threading.get_ident())))
    with qtbot.waitSignal(task.finished, timeout=3000) as blocker:
        pass
    worker, seven = blocker.args[0]
    assert worker != gui and seven == 7  # `then` ran on the database thread too
    assert seen == [(7, gui)]


def test_progress_handlers_given_after_run_still_see_every_report(qapp, qtbot):
    runner = InlineTaskRunner()
    steps: list[tuple[int, int]] = []

    def work(progress: Progress) -> str:
        for n in range(3):
            progress.report(n + 1, 3)
        return "done"

    task = runner.run(Op(work)).progress(lambda d, t: steps.append((d, t)))
    with qtbot.waitSignal(task.finished, timeout=1000):
        pass
    assert steps == [(1, 3), (2, 3), (3, 3)]


def test_without_a_failure_handler_a_users_error_is_told_calmly(runner, qtbot, monkeypatch):
    crashed: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, tb: crashed.append(error))

    def work() -> None:
        raise DomainError("磁盘已满：请腾出空间后重试。")

    task = runner.run(op(work))
    with qtbot.waitSignal(task.failed, timeout=3000):
        pass
    box = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "refusalBox")
    assert isinstance(box, QMessageBox) and box.text() == "磁盘已满：请腾出空间后重试。"
    assert crashed == []
    box.close()


def test_a_failure_handler_replaces_the_default(runner, qtbot, monkeypatch):
    crashed: list[BaseException] = []
    monkeypatch.setattr("sys.excepthook", lambda kind, error, tb: crashed.append(error))
    caught: list[BaseException] = []
    task = runner.run(op(lambda: 1 / 0)).failure(caught.append)
    with qtbot.waitSignal(task.failed, timeout=3000):
        pass
    assert isinstance(caught[0], ZeroDivisionError) and crashed == []
    assert not runner.busy()


def test_the_real_core_and_the_test_fake_both_are_a_core(tmp_path):
    from tests.gui.fakes import FakeCaseService
    from ui.services import ContextCaseService, Core

    assert isinstance(ContextCaseService(tmp_path), Core)
    assert isinstance(FakeCaseService(), Core)
