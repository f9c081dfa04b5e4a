"""The exchange with the bureau: data packages, rounds, receipts, the bureau's view and the outbox.

Everything here travels as files (e-mail attachment or USB stick) and is keyed by
stable record UUIDs, so the same record arriving twice updates and never duplicates.
"""
