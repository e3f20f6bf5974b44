"""The event log's distributions, for machines without the log (CI).

Derived once from ``/work/shared/data/servicenow_incident_event_log_sample.csv`` (a sample
of the public ServiceNow incident event log: 2,989 events of 445 incidents) with
``python -m bench profile --emit``; ``tests/bench/test_generator.py`` checks that this copy
still equals what the log gives, where the log is present. Numbers only: no row of the log
is copied here.
"""

from bench.profile import Profile

FALLBACK = Profile(
    source='built-in copy of servicenow_incident_event_log_sample.csv',
    incidents=445,
    impact_urgency=[[1, 2, 12], [1, 3, 8], [3, 2, 3], [3, 3, 369], [3, 4, 9], [4, 3, 6], [4, 4, 38]],
    categories=[96, 70, 31, 30, 25, 22, 22, 18, 17, 17, 16, 15, 13, 10, 8, 6, 4, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1],
    transfers=[[0, 235], [1, 122], [2, 42], [3, 16], [4, 10], [5, 7], [6, 4], [7, 4], [8, 1], [10, 3], [18, 1]],
    channels=[['phone', 445]],
    arrival_hours=[0, 6, 2, 1, 1, 1, 4, 7, 41, 68, 53, 44, 46, 34, 50, 53, 16, 8, 2, 1, 1, 3, 1, 2],
    desk_resolved_share=0.3056,
    desk_resolve_hours=[0.017, 0.25, 0.567, 1.083, 2.35, 3.417, 3.517, 6.0, 9.667, 22.067, 24.1, 27.267, 43.033, 46.733, 50.367, 52.817, 53.433, 53.983, 70.433, 140.667, 243.217, 408.483],
    accept_hours=[0.05, 0.35, 0.833, 1.367, 2.867, 5.117, 6.867, 16.917, 21.75, 23.0, 24.417, 26.633, 29.317, 38.483, 45.067, 49.933, 56.183, 73.833, 171.55, 407.817, 426.183, 430.9],
    work_hours=[0.017, 0.067, 0.1, 0.183, 0.3, 0.533, 0.967, 1.733, 3.233, 5.7, 16.117, 23.3, 27.733, 43.717, 50.917, 70.7, 84.383, 121.6, 164.25, 310.867, 766.383, 880.45],
    pending_share=0.3258,
    pending_episodes=[[1, 128], [2, 12], [3, 5]],
    pending_hours=[0.033, 1.017, 4.5, 9.367, 17.967, 23.467, 24.8, 40.833, 46.55, 61.683, 73.15, 114.967, 147.733, 188.483, 216.75, 241.567, 315.767, 430.833, 670.8, 1434.75, 6473.4, 7121.783],
    change_share=0.0838,
    reject_share=0.0112,
    close_hours=[0.0, 120.05, 120.083, 120.167, 120.25, 120.333, 120.383, 120.45, 120.533, 120.6, 120.667, 120.717, 120.783, 120.867, 120.933, 120.967, 121.0, 175.867, 292.383, 387.083, 417.467, 2006.7],
    activity=[1.0, 2.0, 2.0, 3.0, 3.0, 3.0, 3.0, 4.0, 5.0, 5.0, 6.0, 6.0, 7.0, 8.0, 9.0, 10.0, 10.0, 13.0, 16.0, 21.0, 51.0, 106.0],
    close_codes=[237, 71, 24, 23, 23, 20, 12, 8, 6, 6, 5, 5, 2, 1],
    missed_target_share=0.3416,
)
