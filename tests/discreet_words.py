"""Words that must never be in anything discreet: a calendar relatives can see, its name and
description, a page for relatives."""

MEDICAL_WORDS = ("hospital", "car-t", "infusion", "chemotherapy", "leukapheresis", "carte planner", "aml")
