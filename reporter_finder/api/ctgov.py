"""STUB (replaced by the ctgov branch): the interface the leads layer is written against."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class TrialContact:
    name: str
    role: str
    email: str | None
    phone: str | None
    where: str


@dataclass(frozen=True)
class TrialOfficial:
    name: str
    affiliation: str
    role: str


@dataclass(frozen=True)
class Trial:
    nct_id: str
    title: str
    official_title: str
    status: str
    last_known_status: str | None
    phases: tuple[str, ...]
    start_date: str | None
    primary_completion_date: str | None
    enrollment: int | None
    conditions: tuple[str, ...]
    grant_ids: tuple[str, ...]
    cores: tuple[str, ...]
    officials: tuple[TrialOfficial, ...]
    contacts: tuple[TrialContact, ...]
    lead_sponsor: str

    @property
    def url(self) -> str:
        return f"https://clinicaltrials.gov/study/{self.nct_id}"

    @property
    def is_recruiting(self) -> bool:
        return self.status in ("RECRUITING", "NOT_YET_RECRUITING")


def parse_study(study: Mapping[str, Any]) -> Trial | None:
    raise NotImplementedError


class ClinicalTrialsClient:
    def __init__(self, base_url: str | None = None, **kwargs: Any) -> None:
        self.base_url = base_url

    def close(self) -> None:
        pass

    def trials_for_grants(self, cores: Iterable[str]) -> dict[str, list[Trial]]:
        raise NotImplementedError

    def trials_for_official(self, last_name: str, first_name: str) -> list[Trial]:
        raise NotImplementedError


def is_outage(exc: BaseException) -> bool:
    return False
