"""Catalogue (frameworks, data elements, indicators), targets, monthly reports and their values.

Sized for a national deployment: `Value` is a narrow table (report, data element, integer value)
holding about 18 million rows a year (10,000 Puskesmas x 150 elements x 12 months). `ValueYear`
holds the same numbers a row per Puskesmas, element and year, for scorecards of many Puskesmas.
"""

from kinerja.indicators.models.catalogue import (
    DataElement,
    Framework,
    FrameworkVersion,
    Indicator,
    IndicatorTarget,
    Node,
    Target,
    TargetGroup,
    ValidationRule,
)
from kinerja.indicators.models.reports import (
    Report,
    ReportingSetting,
    ReportQuerySet,
    Value,
    ValueChange,
    ValueYear,
)

__all__ = [
    "DataElement",
    "Framework",
    "FrameworkVersion",
    "Indicator",
    "IndicatorTarget",
    "Node",
    "Report",
    "ReportQuerySet",
    "ReportingSetting",
    "Target",
    "TargetGroup",
    "ValidationRule",
    "Value",
    "ValueChange",
    "ValueYear",
]
