from hypothesis import HealthCheck, settings

# Property tests must not fail on a slow or busy machine: timing is not what they test.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100
)
settings.load_profile("default")
