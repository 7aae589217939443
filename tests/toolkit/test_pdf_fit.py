"""The flip-over font size: as large as fits, smaller for long statements and with Dutch underneath."""

from samensterk.toolkit.pdf import FONT_SIZES_PT, flipover_font_size


def test_short_statements_get_the_largest_type():
    assert flipover_font_size("Geld maakt gelukkig.")[0] >= 72


def test_longer_statements_get_smaller_type():
    short = flipover_font_size("Geld maakt gelukkig.")[0]
    medium = flipover_font_size("Als je als man niet voor je gezin kan zorgen, dan ben je mislukt.")[0]
    long = flipover_font_size("Een lange stelling over werk en zorg. " * 15)[0]
    assert short > medium > long >= FONT_SIZES_PT[-1]


def test_dutch_underneath_takes_room():
    text = "Als je als man niet voor je gezin kan zorgen, dan ben je mislukt."
    alone, no_dutch = flipover_font_size(text, rtl=True)
    with_dutch, dutch_size = flipover_font_size(text, rtl=True, dutch=text)
    assert no_dutch == 0 and dutch_size > 0
    assert with_dutch <= alone
