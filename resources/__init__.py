"""Shipped resources: fonts (with their licence), disclosure texts, sample files."""
