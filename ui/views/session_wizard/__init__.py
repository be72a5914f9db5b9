"""The guided mediation session: nine steps from check-in to printed agreement, autosaved.

wizard = SessionWizard(service, runner, "TJ-2026-000007")
wizard.show()
wizard.open()        # starts or resumes the session at the step the case was on
"""

from __future__ import annotations

from ui.views.session_wizard.window import SessionWizard

__all__ = ["SessionWizard"]
