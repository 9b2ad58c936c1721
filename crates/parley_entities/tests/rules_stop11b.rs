//! General rules of the stop-11b pass: places standing for national and regional teams in texts
//! about a competition, offices and airlines named after a place, camel-case brands. Each is
//! checked on sentences written for this test, with the non-sports side alongside.

mod common;

use common::check;

/// A made-up report on a qualifying round: scores and competition words throughout.
const REPORT: &str = "Peru beat Ghana 3-1 in Lima on Sunday to top the qualifying group of the \
soccer tournament. Still waiting on the playoff draw are Chile, Japan/Canada and Mexico.\n\n\
Canada and Japan both qualified after the last round of matches. Chile held on for a 2-2 result \
against Mexico on the road, and Japan's 5-1 thrashing of Ghana sealed the group. Mexico made it \
thanks to two goals in stoppage time.";

#[test]
fn countries_in_a_competition_report_are_teams() {
    check(
        REPORT,
        &[
            "GPE Lima",
            "ORG Peru",
            "ORG Ghana",
            "ORG Chile",
            "ORG Japan",
            "ORG Canada",
            "ORG Mexico",
        ],
        &[
            "GPE Peru",
            "GPE Ghana",
            "GPE Chile",
            "GPE Japan",
            "GPE Canada",
            "GPE Mexico",
        ],
    );
}

#[test]
fn a_list_of_places_before_qualified_is_a_list_of_teams() {
    check(
        "The soccer playoff draw is set after the final group matches: Brazil won 2-0 and \
         Uruguay lost 1-3.\n\nEcuador, Bolivia and Paraguay have all qualified for the next round.",
        &["ORG Ecuador", "ORG Bolivia", "ORG Paraguay"],
        &["GPE Ecuador", "GPE Bolivia", "GPE Paraguay"],
    );
}

#[test]
fn places_stay_places_outside_a_competition() {
    // Competition verbs in ordinary news: no scores, no competition vocabulary.
    check(
        "Russia beat back the attack on Monday, officials said.",
        &["GPE Russia"],
        &["ORG Russia"],
    );
    check(
        "Iran qualified its offer before the talks in Geneva.",
        &["GPE Iran", "GPE Geneva"],
        &["ORG Iran"],
    );
    check(
        "Peru, Chile and Bolivia all qualified for the trade deal, the ministers said.",
        &["GPE Peru", "GPE Chile", "GPE Bolivia"],
        &[],
    );
    // A sports text that names a host country "in" stays a place.
    check(
        "The soccer tournament will be held in Qatar. The group draw put Peru against \
         Chile; Peru won 2-1 and drew 0-0 in the final match.",
        &["GPE Qatar"],
        &["ORG Qatar"],
    );
}

#[test]
fn offices_named_after_a_place_are_organisations() {
    check(
        "The Oregon State Attorney General is reviewing the contract, a filing showed.",
        &["ORG Oregon State Attorney General"],
        &["GPE Oregon"],
    );
    // Before a name, the place and the person stay apart.
    check(
        "Ohio Attorney General Dana Vellmore sued the firm on Monday.",
        &["PERSON Dana Vellmore"],
        &["ORG Ohio Attorney General Dana Vellmore"],
    );
}

#[test]
fn air_before_a_place_is_an_airline() {
    check(
        "The lessor placed two jets with Air Moldova last year.",
        &["ORG Air Moldova"],
        &["GPE Moldova"],
    );
}

#[test]
fn capitalised_double_particles_belong_to_the_surname() {
    check(
        "The actor Marta Van Der Hoeven opened the festival. Van Der Hoeven said she was glad.",
        &["PERSON Marta Van Der Hoeven", "PERSON Van Der Hoeven"],
        &["PERSON Marta Van Der", "ORG Van Der Hoeven", "ORG Hoeven"],
    );
}

#[test]
fn a_place_before_an_organisation_head_is_the_organisation() {
    check(
        "The rally was loud. Vermont State Nurses Union President Dana Vellmore spoke there.",
        &["ORG Vermont State Nurses Union", "PERSON Dana Vellmore"],
        &["GPE Vermont"],
    );
}

#[test]
fn a_residence_after_an_age_is_a_place() {
    check(
        "Deputies arrested Dana Vellmore, 34, of Quillton, on Friday.",
        &["PERSON Dana Vellmore", "GPE Quillton"],
        &["PERSON Quillton", "ORG Quillton"],
    );
    check(
        "Police cited Tomas Arkwell 29, of North Quillford. He paid the fine.",
        &["GPE North Quillford"],
        &[],
    );
    // An organisation after "of" without an age stays what it is.
    check(
        "Dana Vellmore of Quillton Bank spoke.",
        &[],
        &["GPE Quillton"],
    );
}
