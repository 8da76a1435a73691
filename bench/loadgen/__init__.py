"""Pieces of bench/load.py: the room of simulated phones, the projector, the server, the ledger."""
