"""Folding a long list of home-page items: how many stay, how urgent the fold looks."""

from types import SimpleNamespace

from usul.home import attention
from usul.home.attention import attention_for
from usul.lib.attention import SHOWN, Attention


def provide(monkeypatch, severities):
    items = [Attention(text=f"item {n}", severity=s) for n, s in enumerate(severities)]
    monkeypatch.setattr(attention, "PROVIDERS", ["usul.meetings"])
    monkeypatch.setattr(
        attention, "import_module", lambda name: SimpleNamespace(for_viewer=lambda v: items)
    )


def test_the_fold_is_as_urgent_as_the_most_urgent_item_it_hides(monkeypatch, db):
    provide(monkeypatch, ["info"] * SHOWN + ["info", "warning", "info"])
    shown = attention_for(viewer=None)
    assert [i.text for i in shown[:SHOWN]] == [f"item {n}" for n in range(SHOWN)]
    assert (shown[-1].more, shown[-1].severity) == (3, "warning")
    assert shown[-1].url == "/?more=meetings#attention-title"
    # Asked for, the app's items are all shown; a fold never stands for a single item.
    assert len(attention_for(viewer=None, expand="meetings")) == SHOWN + 3
    provide(monkeypatch, ["violation"] * (SHOWN + 1))
    assert [i.more for i in attention_for(viewer=None)] == [0] * (SHOWN + 1)
