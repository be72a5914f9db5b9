"""Mediation Desk (调解工作台): the application core, free of Qt."""

__version__ = "0.1.0"
