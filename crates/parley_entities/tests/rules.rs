//! General rules added after the fresh held-out sample (`tests/data/wcxb-heldout2`) was scored:
//! each is checked on sentences written for this test.

mod common;

use common::check;

#[test]
fn common_word_names_are_not_people() {
    // Every word of the name is a common English word: a company or a title, not a person.
    check(
        "The survey by Morning Consult found that most voters were undecided.",
        &[],
        &["PERSON Morning Consult"],
    );
    // A name that fills a whole quotation is a title.
    check(
        "The film earned the “Golden Ribbon” label from the critics.",
        &[],
        &["PERSON Golden Ribbon"],
    );
}

#[test]
fn hyphenated_modifiers_end_the_name() {
    check(
        // (Since stop 11 the place inside the compound is no name either: news convention.)
        "She ordered a New York-style bagel at the counter.",
        &[],
        &["PERSON New York-style", "GPE New York"],
    );
    check(
        "Owner-chef Marta Lindqvist opened the bakery in 2019.",
        &["PERSON Marta Lindqvist"],
        &[],
    );
    // A non-breaking hyphen inside a name keeps the name whole.
    check(
        "Director Wang Li\u{2011}ke presented the film on Tuesday.",
        &["PERSON Wang Li\u{2011}ke"],
        &[],
    );
}

#[test]
fn headline_verbs_and_awards_end_people() {
    check(
        "At 19, Robert Vance Solved a Puzzle Nobody Could Crack",
        &["PERSON Robert Vance"],
        &["PERSON Robert Vance Solved"],
    );
    check(
        "The bakery won a Robert Vance Award last year.",
        &[],
        &["PERSON Robert Vance Award"],
    );
}

#[test]
fn initials_before_a_surname_make_a_person() {
    check(
        "The novel by H.J. Wendover sold well in its first week.",
        &["PERSON H.J. Wendover"],
        &[],
    );
}

#[test]
fn a_surname_that_is_a_place_stays_a_person() {
    check(
        "Lena Paris wrote the report. Paris said the data were clear. She later moved to Paris.",
        &["PERSON Lena Paris", "PERSON Paris", "GPE Paris"],
        &[],
    );
}

#[test]
fn an_unknown_name_after_in_is_a_place() {
    check(
        "The market opened in Quellport in the spring and drew traders.",
        &["GPE Quellport"],
        &[],
    );
}

#[test]
fn an_abbreviation_ending_a_missed_sentence_stays_alone() {
    check(
        "He moved to the U.S. Encouraged by friends, he opened a shop.",
        &["GPE U.S."],
        &["ORG U.S. Encouraged"],
    );
}

// Rules added in the pass before held-out 3 was annotated (error analysis by category on the
// development and held-out sets and on unannotated pages): every sentence below was written for
// this test.

#[test]
fn products_and_brands_are_not_people() {
    // A digit or an inner capital marks a product; so does a product suffix.
    check(
        "The reviewer compared the Zentrix Q7 with the SoundWave Buds over a week.",
        &[],
        &["PERSON Zentrix Q7", "PERSON SoundWave Buds"],
    );
    check(
        "Owners of the Brenner Arc Pro praised its battery.",
        &[],
        &["PERSON Brenner Arc Pro", "PERSON Brenner Arc"],
    );
    // Surname prefixes keep inner capitals in names.
    check(
        "The report was written by Fiona McAllister last year.",
        &["PERSON Fiona McAllister"],
        &[],
    );
}

#[test]
fn names_with_a_common_word_need_a_given_name() {
    check(
        "Shoppers liked Velvet Harbor for its low prices.",
        &[],
        &["PERSON Velvet Harbor"],
    );
    check(
        "Fans praised Cross-Over Kingdom after the finale.",
        &[],
        &["PERSON Cross-Over Kingdom"],
    );
    check(
        "The essay by Nadia Brightwater was shared widely.",
        &["PERSON Nadia Brightwater"],
        &[],
    );
}

#[test]
fn facilities_and_venues_are_not_people() {
    check(
        "The flight landed at Margaret Hollis International Airport before noon.",
        &[],
        &[
            "PERSON Margaret Hollis",
            "PERSON Margaret Hollis International Airport",
        ],
    );
    check(
        "Dinner at Le Marquis was the best meal of the trip.",
        &[],
        &["PERSON Le Marquis"],
    );
    check(
        "The parade crossed Tessaly Bridge and ended at Orwin Square.",
        &[],
        &["PERSON Tessaly Bridge", "PERSON Orwin Square"],
    );
}

#[test]
fn places_named_after_people_and_places_after_common_words() {
    check(
        "The conference moved to Ann Arbor this year.",
        &["GPE Ann Arbor"],
        &["PERSON Ann Arbor"],
    );
    check(
        "Traffic in Downtown Denver was slow on Friday.",
        &["GPE Denver"],
        &["PERSON Downtown Denver"],
    );
    check(
        "She studied at the University of Wisconsin, Milwaukee before moving.",
        &["ORG University of Wisconsin, Milwaukee"],
        &["GPE Milwaukee"],
    );
}

#[test]
fn titles_labels_and_contractions() {
    check(
        "The lab hired a Chief Data Scientist, Orla Brennick, last spring.",
        &["PERSON Orla Brennick"],
        &["PERSON Scientist"],
    );
    check(
        "BRANNIGAN: The council voted again on Tuesday.",
        &["PERSON BRANNIGAN"],
        &[],
    );
    check(
        "Hi, I’m Kevin, and I test coffee makers for a living.",
        &["PERSON Kevin"],
        &["PERSON I’m Kevin"],
    );
    check(
        "Reporters spoke to Chef Dario Menendez about the menu.",
        &["PERSON Dario Menendez"],
        &["PERSON Chef Dario Menendez"],
    );
}

#[test]
fn unknown_words_after_in_need_a_place_ending() {
    check(
        "She edited the photos in Pixelmator before printing them.",
        &[],
        &["GPE Pixelmator"],
    );
    check(
        "The team trained in Zarbovia during the winter.",
        &["GPE Zarbovia"],
        &[],
    );
}

#[test]
fn names_with_two_particles_stay_whole() {
    check(
        "The mayor thanked Lucia de la Vega for her work.",
        &["PERSON Lucia de la Vega"],
        &[],
    );
    check(
        "Coach Pieter van der Molen named his squad on Monday.",
        &["PERSON Pieter van der Molen"],
        &[],
    );
}

#[test]
fn the_field_of_a_title_is_no_person() {
    check(
        "The study was led by Oren Maddox, Associate Professor of Marine Ecology at the institute.",
        &["PERSON Oren Maddox"],
        &["PERSON Ecology", "PERSON Marine Ecology"],
    );
}

#[test]
fn acronyms_match_only_in_capitals() {
    // "Un" ends a Korean name; only "UN" is the United Nations.
    check(
        "The envoy said Kim Jong Un had agreed to meet the UN team in Geneva.",
        &["PERSON Kim Jong Un", "ORG UN"],
        &["ORG Un", "PERSON Kim Jong"],
    );
}
