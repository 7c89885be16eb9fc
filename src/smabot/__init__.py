"""smabot: answers SMA caregivers' questions with cited, verbatim passages."""

__version__ = "0.1.0"
