"""The supervisor's view: indicators per body and year."""
