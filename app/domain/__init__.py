"""Pure rules of mediation: money, rates, dates, identifiers, recalculation, plans.

Nothing here does I/O or imports anything of the project outside `app.domain`.
"""
