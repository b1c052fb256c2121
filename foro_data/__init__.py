"""Foro en vivo: the data core (sources, cleaning, snapshot, figures). Imports no streamlit."""
