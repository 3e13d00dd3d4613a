"""proposal"""
