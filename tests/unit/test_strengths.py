from ai_workshop.stories.strengths import canonical_strengths, split_free_text

VOCABULARY = ["keeping promises", "patience", "follow-through"]


def test_free_text_is_split_on_commas_semicolons_and_lines():
    assert split_free_text("calm, humour; kept my word\n  ") == ["calm", "humour", "kept my word"]


def test_free_text_matching_a_chip_takes_the_chip_spelling():
    assert canonical_strengths(["Keeping Promise", "PATIENCE!"], VOCABULARY) == [
        "keeping promises",
        "patience",
    ]


def test_duplicates_are_dropped_and_order_kept():
    assert canonical_strengths(["patience", "calm", "Patience"], VOCABULARY) == ["patience", "calm"]


def test_unknown_strengths_are_kept_lower_case():
    assert canonical_strengths(["Calm Under Pressure"], VOCABULARY) == ["calm under pressure"]


def test_japanese_and_arabic_commas_separate_too():
    assert split_free_text("傾聴、共感，粘り強さ") == ["傾聴", "共感", "粘り強さ"]
    assert split_free_text("الصبر، التعاطف؛ الأمانة") == ["الصبر", "التعاطف", "الأمانة"]
