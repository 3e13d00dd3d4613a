"""Retention Desktop: re-loan (재대출) offers against switching lenders (대환대출), for branch officers."""

__version__ = "0.1.0"
APP_NAME = "RetentionDesktop"
