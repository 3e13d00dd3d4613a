"""Signed PDF proposals: the document, the demo PKI, PAdES signing and verification."""
