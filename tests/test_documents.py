"""The family's papers: per person and for the trip, dated from the plan, with states, expiry,
packets and attached files that travel with the plan's folder."""

import json
import shutil
from dataclasses import replace
from datetime import date, timedelta

import pytest

from carte_planner.domain import TripRequest
from carte_planner.domain.documents import (
    DocumentMark,
    OwnDocument,
    Papers,
    build_documents,
    expiring,
    in_packet,
    parse_documents_template,
)
from carte_planner.domain.errors import ResourceError
from carte_planner.domain.plan import Plan
from carte_planner.resources import load_documents_template, read_toml
from carte_planner.storage.attachments import attach, attachment_status, files_folder, move_plan_folder
from carte_planner.storage.errors import PlanFileError
from carte_planner.storage.plan_codec import plan_from_bytes, plan_to_bytes
from carte_planner.storage.planfile import load_plan, save_plan
from tests.journeys import REFERENCE, planned_trip


def documents_for(papers=Papers(), **changes):  # noqa: B008
    changes.setdefault("home_tz", "Europe/Berlin")
    journey = planned_trip(**changes)
    return journey, {entry.key: entry for entry in build_documents(journey, load_documents_template(), papers)}


def test_the_list_holds_every_paper_the_issue_names_per_person_and_for_the_trip():
    _, docs = documents_for(travellers=("Ana", "Luis", "Marta"))
    for key in ("passport", "visa", "registration-form", "insurance"):
        assert [docs[f"{key}:{n}"].traveller for n in (1, 2, 3)] == ["Ana", "Luis", "Marta"]
    trip = [
        "invitation",
        "pathology",
        "antigens",
        "imaging",
        "treatment-history",
        "organ-function",
        "translations",
        "diagnosis-certificate",
        "deposit-receipts",
        "discharge-summary",
    ]
    for key in trip:
        assert docs[key].traveller is None
    assert "发票" in docs["deposit-receipts"].title


def test_a_documents_due_date_moves_with_the_plan():
    journey, before = documents_for()
    assert before["pathology"].due == journey.item("prep:records").start
    assert before["registration-form:2"].due == journey.summary.arrival
    assert before["discharge-summary"].due == journey.item("milestone:discharge").start
    _, longer = documents_for(phase_days=(("manufacturing", 28),))
    assert longer["pathology"].due == before["pathology"].due
    assert longer["discharge-summary"].due == before["discharge-summary"].due + timedelta(days=7)
    _, later = documents_for(start=date(2027, 4, 5))
    assert later["visa:1"].due == before["visa:1"].due + timedelta(days=35)


def test_a_document_whose_journey_item_is_absent_stays_listed_undated():
    # A permitted stay long enough for the whole trip needs no extension.
    journey, docs = documents_for(visa_stay_days=180)
    assert journey.find("visa:extension:1") is None
    assert docs["diagnosis-certificate"].due is None
    assert docs["diagnosis-certificate"].when == ""


def test_states_expiry_and_notes_stay_with_the_key_across_a_replan():
    papers = (
        Papers()
        .with_state("passport:1", "received")
        .with_mark(DocumentMark("visa:2", "requested", date(2027, 4, 1), "consulate said two weeks"))
    )
    journey, docs = documents_for(papers, start=date(2027, 4, 5))
    assert docs["passport:1"].state == "received"
    assert docs["passport:2"].state == "needed"
    assert docs["visa:2"].mark.note == "consulate said two weeks"
    assert [entry.key for entry in expiring(tuple(docs.values()), journey)] == ["visa:2"]
    assert docs["visa:2"].overdue(date(2027, 12, 1)) is False
    assert docs["passport:2"].overdue(date(2027, 12, 1)) is True


def test_packets_gather_the_documents_each_office_wants():
    _, docs = documents_for(travellers=("Ana", "Luis"))
    entries = tuple(docs.values())
    consulate = [e.key for e in in_packet(entries, "consulate")]
    assert consulate == ["passport:1", "passport:2", "invitation"]
    home = [e.key for e in in_packet(entries, "home-oncologist")]
    assert home == ["discharge-summary", "followup-schedule"]
    assert {p.key for p in load_documents_template().packets} == {
        "consulate",
        "hospital",
        "exit-entry",
        "insurer",
        "home-oncologist",
    }


def test_the_familys_own_document_is_listed_with_its_person_and_packets():
    papers = Papers().with_own(OwnDocument("own:1", "Letter from the employer", 2, ("consulate", "nowhere")))
    _, docs = documents_for(papers)
    own = docs["own:1"]
    assert own.own
    assert own.title == "Letter from the employer"
    assert own.traveller == "Caregiver"
    assert own.packets == ("consulate",)
    assert "own:1" not in {e.key for e in build_documents(documents_for()[0], load_documents_template(), Papers())}


def test_a_malformed_documents_file_names_the_field():
    data = read_toml("documents.toml")
    broken = {**data, "documents": [{**data["documents"][0], "packets": ["embassy"]}]}
    with pytest.raises(ResourceError, match=r"documents\[0\]\.packets"):
        parse_documents_template(broken)


def plan_with_papers(papers, start=date(2027, 3, 1)):
    return Plan(TripRequest(start=start, home_tz="Europe/Berlin"), plan_id="p-1", papers=papers)


def test_papers_round_trip_through_the_plan_file():
    papers = (
        Papers()
        .with_mark(DocumentMark("passport:1", "copied", date(2031, 5, 2), "photo page, 护照", ("scan.pdf",)))
        .with_own(OwnDocument("own:a", "Vaccination card", 1, ("hospital",), date(2027, 2, 1)))
    )
    plan = plan_with_papers(papers)
    assert plan_from_bytes(plan_to_bytes(plan), REFERENCE).papers == papers


def test_a_version_5_plan_opens_with_no_papers_and_no_money():
    data = json.loads(plan_to_bytes(plan_with_papers(Papers())))
    data["version"] = 5
    del data["papers"], data["money"]
    plan = plan_from_bytes(json.dumps(data).encode(), REFERENCE)
    assert plan.papers == Papers()
    assert plan.money.lines == ()


@pytest.mark.parametrize(
    ("marks", "message"),
    [
        ({"passport:1": {"state": "lost"}}, "papers.marks.passport:1.state"),
        ({"passport:1": {"attachments": ["../../etc/passwd"]}}, "papers.marks.passport:1.attachments"),
        ({"passport:1": {"attachments": ["/home/x/scan.pdf"]}}, "papers.marks.passport:1.attachments"),
        ({"passport:1": {"expiry": "soon"}}, "papers.marks.passport:1.expiry"),
    ],
)
def test_a_malformed_mark_is_refused_naming_the_field(marks, message):
    data = json.loads(plan_to_bytes(plan_with_papers(Papers())))
    data["papers"]["marks"] = marks
    with pytest.raises(PlanFileError, match=message.replace(".", r"\.")):
        plan_from_bytes(json.dumps(data).encode(), REFERENCE)


def test_an_attachment_survives_moving_the_plan_and_its_folder(tmp_path):
    scan = tmp_path / "passport scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    plan_path = tmp_path / "home" / "Ana.carteplan"
    plan_path.parent.mkdir()
    name = attach(plan_path, scan)
    assert name == "passport scan.pdf"
    assert files_folder(plan_path) == tmp_path / "home" / "Ana.carteplan.files"
    save_plan(plan_path, plan_with_papers(Papers().with_attachment("passport:1", name)))

    moved = tmp_path / "usb"
    shutil.move(str(plan_path.parent), moved)
    plan = load_plan(moved / "Ana.carteplan", REFERENCE)
    [status] = attachment_status(moved / "Ana.carteplan", plan.papers.mark("passport:1").attachments)
    assert status.present
    assert status.path.read_bytes() == b"%PDF-1.4 scan"


def test_a_missing_attachment_is_reported_not_fatal(tmp_path):
    plan_path = tmp_path / "Ana.carteplan"
    scan = tmp_path / "visa.jpg"
    scan.write_bytes(b"jpeg")
    name = attach(plan_path, scan)
    save_plan(plan_path, plan_with_papers(Papers().with_attachment("visa:1", name)))
    (files_folder(plan_path) / name).unlink()
    plan = load_plan(plan_path, REFERENCE)
    [status] = attachment_status(plan_path, plan.papers.mark("visa:1").attachments)
    assert status.name == "visa.jpg"
    assert not status.present
    assert [s.present for s in attachment_status(None, ("visa.jpg",))] == [False]


def test_attaching_the_same_name_twice_keeps_both_files(tmp_path):
    plan_path = tmp_path / "Ana.carteplan"
    first, second = tmp_path / "a" / "scan.pdf", tmp_path / "b" / "scan.pdf"
    for path, data in ((first, b"one"), (second, b"two")):
        path.parent.mkdir()
        path.write_bytes(data)
    names = [attach(plan_path, first), attach(plan_path, second)]
    assert names == ["scan.pdf", "scan (2).pdf"]
    assert [(files_folder(plan_path) / n).read_bytes() for n in names] == [b"one", b"two"]


def test_save_as_copies_the_attachments_and_leaves_the_old_folder(tmp_path):
    old = tmp_path / "old.carteplan"
    scan = tmp_path / "x.png"
    scan.write_bytes(b"png")
    attach(old, scan)
    new = tmp_path / "new.carteplan"
    assert move_plan_folder(old, new)
    assert (files_folder(new) / "x.png").read_bytes() == b"png"
    assert (files_folder(old) / "x.png").exists()


def test_own_document_with_an_unknown_traveller_number_belongs_to_the_trip():
    papers = Papers().with_own(OwnDocument("own:9", "Spare photos", 5))
    _, docs = documents_for(papers)
    assert docs["own:9"].traveller is None
    assert replace(docs["own:9"].mark, state="copied").state == "copied"


@pytest.mark.qt
def test_the_documents_command_lists_each_packet_with_states_and_no_file_names(tmp_path, capsys):
    from carte_planner.cli import main
    from tests.test_hospital_sheet import pdf_text

    plan_path = tmp_path / "family.carteplan"
    papers = (
        Papers()
        .with_state("invitation", "received")
        .with_mark(DocumentMark("passport:1", "copied", date(2031, 5, 2), "", ("secret-scan.pdf",)))
    )
    save_plan(plan_path, plan_with_papers(papers))
    code = main(["documents", "--plan", str(plan_path), "--packet", "consulate", "--today", "2027-01-01"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[2] == "Chinese consulate (visa)"
    assert lines[3].startswith("☑ Passport — Patient, copied, due ")
    assert "expires Fri 02 May 2031" in lines[3]
    assert lines[5].startswith("☑ Hospital's invitation letter — Whole trip, received")
    assert "Insurer" not in out
    assert "secret-scan" not in out
    output = tmp_path / "documents.pdf"
    code = main(
        ["documents", "--plan", str(plan_path), "--pdf", str(output), "--lang", "zh_CN", "--today", "2027-01-01"]
    )
    assert code == 0
    text = pdf_text(output)
    for title in ("中国领事馆（签证）", "医院国际医疗部", "出入境管理局", "保险公司", "本国肿瘤科医生"):
        assert title in text, title
    assert "secret-scan" not in text
