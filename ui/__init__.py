"""Streamlit-side helpers of the dashboard: texts, formatting, access gate, data, banners, components."""
