"""Analytics for notebooks: revenue, teams, workload, assessment, attainment, calendar, plots.

Scenarios compare what-ifs. This wing may use every wing above it.
"""
