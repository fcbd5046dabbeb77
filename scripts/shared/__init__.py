"""What the tests and the benchmarks share, so what is measured is what is tested.

:mod:`.static_server` serves a built site (access log, faults, ``.br``/``.gz``);
:mod:`.chromium` launches Debian's Chromium the same way for both.
"""
