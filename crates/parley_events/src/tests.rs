//! Tests: the lexicon codes its own examples; dependency-structure cases on hand-built parses.

use super::*;
use parley_core::Span;
use parley_entities::{Mention, MentionKind};

/// Tokenises a plain sentence (no parse): words, with punctuation and "'s" split off.
fn plain(text: &str) -> Sentence {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_alphanumeric() {
            while i < n
                && (chars[i].1.is_alphanumeric()
                    || ((chars[i].1 == '-'
                        || chars[i].1 == '.'
                        || chars[i].1 == '\''
                        || chars[i].1 == '’')
                        && i + 1 < n
                        && chars[i + 1].1.is_alphanumeric()))
            {
                if (chars[i].1 == '\'' || chars[i].1 == '’')
                    && i + 2 <= n
                    && chars.get(i + 1).map(|x| x.1) == Some('s')
                    && chars.get(i + 2).is_none_or(|x| !x.1.is_alphanumeric())
                {
                    break;
                }
                i += 1;
            }
            // "U.S." keeps its final period.
            if i < n && chars[i].1 == '.' && text[chars[start].0..chars[i].0].contains('.') {
                i += 1;
            }
        } else if (c == '\'' || c == '’') && chars.get(i + 1).map(|x| x.1) == Some('s') {
            i += 2;
        } else {
            i += 1;
        }
        let b0 = chars[start].0;
        let b1 = if i < n { chars[i].0 } else { text.len() };
        tokens.push(Token {
            start,
            end: i,
            text: text[b0..b1].to_string(),
            lemma: String::new(),
            upos: Upos::X,
            ..Token::default()
        });
    }
    Sentence {
        start: 0,
        end: n,
        text: text.to_string(),
        tokens,
    }
}

/// Builds a parsed sentence from a compact CoNLL-like string: one token per whitespace-separated
/// item, `form/lemma/UPOS/head/deprel` with 1-based heads (0 = root). Forms are joined by single
/// spaces to make the text.
fn parsed(spec: &str) -> Sentence {
    let mut tokens = Vec::new();
    let mut text = String::new();
    for item in spec.split_whitespace() {
        let f: Vec<&str> = item.split('/').collect();
        assert_eq!(f.len(), 5, "bad token spec {item:?}");
        let form = f[0].replace('_', " ");
        if !text.is_empty() {
            text.push(' ');
        }
        let start = text.chars().count();
        text.push_str(&form);
        let end = text.chars().count();
        let head: usize = f[3].parse().unwrap();
        tokens.push(Token {
            start,
            end,
            text: form,
            lemma: f[1].to_string(),
            upos: Upos::parse(f[2]).unwrap_or_else(|| panic!("bad UPOS {}", f[2])),
            head: if head == 0 { None } else { Some(head - 1) },
            deprel: f[4].to_string(),
            ..Token::default()
        });
    }
    let end = text.chars().count();
    Sentence {
        start: 0,
        end,
        text,
        tokens,
    }
}

fn code_doc(
    sents: &[Sentence],
    text: &str,
    entities: &Analysis,
    quotes: &[Quote],
    date: Option<Date>,
) -> Vec<Event> {
    let coder = Coder::builtin();
    coder.code(&CodingInput {
        text,
        sentences: sents,
        entities,
        quotes,
        article_date: date,
    })
}

fn code_one(s: Sentence, date: Option<Date>) -> Vec<Event> {
    let text = s.text.clone();
    code_doc(&[s], &text, &Analysis::default(), &[], date)
}

/// `expected`: "SRC CAMEO TGT" (TGT may be "-").
fn check(s: Sentence, expected: &str) {
    let text = s.text.clone();
    let got = code_one(s, Date::parse_iso("2015-06-01"));
    let summary: Vec<String> = got
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.source.code.as_deref().unwrap_or("?"),
                e.cameo,
                e.target
                    .as_ref()
                    .and_then(|t| t.code.as_deref())
                    .unwrap_or("-")
            )
        })
        .collect();
    assert!(
        summary.iter().any(|x| x == expected),
        "{text:?}: want {expected:?}, got {summary:?}"
    );
}

#[test]
fn every_lexicon_example_codes_its_own_pattern() {
    let coder = Coder::builtin();
    let mut failures = Vec::new();
    let date = Date::parse_iso("2015-06-01");
    for p in coder.patterns() {
        let s = plain(&p.example);
        let text = s.text.clone();
        let evs = coder.code(&CodingInput {
            text: &text,
            sentences: &[s],
            entities: &Analysis::default(),
            quotes: &[],
            article_date: date,
        });
        if !evs.iter().any(|e| e.cameo == p.code) {
            failures.push(format!(
                "{} ({} {}): {:?} → {:?}",
                p.origin,
                p.verb,
                p.code,
                p.example,
                evs.iter().map(|e| e.cameo.as_str()).collect::<Vec<_>>()
            ));
        }
    }
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} examples not coded as their pattern:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn subject_object_and_passive() {
    check(parsed("Iran/Iran/PROPN/2/nsubj accused/accuse/VERB/0/root Israel/Israel/PROPN/2/obj ././PUNCT/2/punct"), "IRNGOV 112 ISR");
    check(
        parsed("Israel/Israel/PROPN/3/nsubj:pass was/be/AUX/3/aux:pass attacked/attack/VERB/0/root by/by/ADP/5/case Hezbollah/Hezbollah/PROPN/3/obl:agent ././PUNCT/3/punct"),
        "LBNREBHEZ 190 ISR",
    );
    check(
        parsed("Egypt/Egypt/PROPN/2/nsubj hosted/host/VERB/0/root the/the/DET/5/det Sudanese/Sudanese/ADJ/5/amod president/president/NOUN/2/obj ././PUNCT/2/punct"),
        "EGYGOV 043 SDNGOV",
    );
}

#[test]
fn composed_actors() {
    // Nationality + role noun; coordination shares the role.
    check(
        parsed("Hungarian/Hungarian/ADJ/4/amod and/and/CCONJ/3/cc Romanian/Romanian/ADJ/1/conj officials/official/NOUN/5/nsubj criticized/criticize/VERB/0/root Serbia/Serbia/PROPN/5/obj ././PUNCT/5/punct"),
        "ROUGOV 111 SRB",
    );
    // A role + "to" + office holder takes the office holder's country.
    check(
        parsed("An/a/DET/2/det adviser/adviser/NOUN/5/nsubj to/to/ADP/4/case Putin/Putin/PROPN/2/nmod criticized/criticize/VERB/0/root Estonia/Estonia/PROPN/5/obj ././PUNCT/5/punct"),
        "RUSGOV 111 EST",
    );
    // Seat of government as metonym; particle verb.
    check(
        parsed("Seoul/Seoul/PROPN/3/nsubj has/have/AUX/3/aux reached/reach/VERB/0/root out/out/ADP/3/compound:prt to/to/ADP/6/case Pyongyang/Pyongyang/PROPN/3/obl ././PUNCT/3/punct"),
        "KORGOV 036 PRKGOV",
    );
}

#[test]
fn frames_absorb_their_complement() {
    let evs = code_one(
        parsed("Russia/Russia/PROPN/2/nsubj threatened/threaten/VERB/0/root to/to/PART/4/mark impose/impose/VERB/2/xcomp sanctions/sanction/NOUN/4/obj on/on/ADP/7/case Georgia/Georgia/PROPN/4/obl ././PUNCT/2/punct"),
        None,
    );
    let codes: Vec<&str> = evs.iter().map(|e| e.cameo.as_str()).collect();
    assert_eq!(codes, vec!["1312"], "{evs:?}");
    assert_eq!(evs[0].target.as_ref().unwrap().code.as_deref(), Some("GEO"));
    assert_eq!(evs[0].mode, Some(EventMode::Intent));
    // Demand easing of sanctions: 1054, target from the governed phrase.
    check(
        parsed("North/North/PROPN/2/compound Korean/Korean/ADJ/3/amod officials/official/NOUN/5/nsubj have/have/AUX/5/aux demanded/demand/VERB/0/root the/the/DET/7/det removal/removal/NOUN/5/obj of/of/ADP/11/case all/all/DET/11/det U.S./U.S./PROPN/11/compound sanctions/sanction/NOUN/7/nmod ././PUNCT/5/punct"),
        "PRKGOV 1054 USA",
    );
}

#[test]
fn negation_and_mode() {
    let evs = code_one(
        parsed("Cuba/Cuba/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod release/release/VERB/0/root the/the/DET/6/det prisoners/prisoner/NOUN/4/obj ././PUNCT/4/punct"),
        None,
    );
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert!(evs[0].negated);
    assert_eq!(evs[0].verb.text, "did not release");
    // A negated intent to negotiate is a rejection.
    check(
        parsed("Iran/Iran/PROPN/4/nsubj will/will/AUX/4/aux not/not/PART/4/advmod negotiate/negotiate/VERB/0/root with/with/ADP/6/case Washington/Washington/PROPN/4/obl ././PUNCT/4/punct"),
        "IRNGOV 125 USAGOV",
    );
    // Promise of a weapon against a target: a threat, mode intent.
    let evs = code_one(
        parsed("Iran/Iran/PROPN/2/nsubj promised/promise/VERB/0/root Israel/Israel/PROPN/5/nsubj would/would/AUX/5/aux face/face/VERB/2/ccomp a/a/DET/8/det new/new/ADJ/8/amod weapon/weapon/NOUN/5/obj ././PUNCT/2/punct"),
        None,
    );
    assert!(
        evs.iter().any(|e| e.root == "13"
            && e.target.as_ref().and_then(|t| t.code.as_deref()) == Some("ISR")
            && e.mode == Some(EventMode::Intent)),
        "{evs:?}"
    );
}

#[test]
fn reported_speech_and_claims() {
    // A victim's claim of deception, reported by a speaker the dictionary does not know: the
    // victim accuses the doer.
    let s = parsed("Mr./Mr./PROPN/2/compound Okoro/Okoro/PROPN/3/nsubj said/say/VERB/0/root Nigeria/Nigeria/PROPN/7/nsubj:pass had/have/AUX/7/aux been/be/AUX/7/aux:pass cheated/cheat/VERB/3/ccomp by/by/ADP/9/case Ghana/Ghana/PROPN/7/obl:agent ././PUNCT/3/punct");
    check(s, "NGAGOV 112 GHA");
    // First-person subject inside a quote takes the quote's speaker.
    let s = parsed("“/“/PUNCT/4/punct We/we/PRON/4/nsubj will/will/AUX/4/aux attack/attack/VERB/0/root Georgia/Georgia/PROPN/4/obj ,/,/PUNCT/4/punct ”/”/PUNCT/4/punct the/the/DET/9/det minister/minister/NOUN/10/nsubj said/say/VERB/4/parataxis ././PUNCT/4/punct");
    let (qs, qe) = (s.tokens[0].start, s.tokens[6].end);
    let quote = Quote {
        text: s.text.chars().skip(qs).take(qe - qs).collect(),
        start: qs,
        end: qe,
        kind: parley_core::QuoteKind::Direct,
        cue: Some("said".into()),
        cue_span: None,
        channel: None,
        speaker: Some(ActorMention {
            text: "the minister".into(),
            start: s.tokens[7].start,
            end: s.tokens[8].end,
            name: Some("Russian defence minister".into()),
            code: Some("RUSGOV".into()),
        }),
        sentence: 0,
    };
    let evs = code_doc(
        std::slice::from_ref(&s),
        &s.text,
        &Analysis::default(),
        &[quote],
        None,
    );
    // "We will attack" is announced force: a threat (1384) by the speaker.
    assert!(
        evs.iter()
            .any(|e| e.source.code.as_deref() == Some("RUSGOV")
                && e.cameo == "1384"
                && e.target.as_ref().is_some_and(|t| t.text == "Georgia")),
        "{evs:?}"
    );
}

#[test]
fn media_outlets_are_never_targets() {
    let evs = code_one(
        parsed("Japan/Japan/PROPN/2/nsubj criticized/criticize/VERB/0/root Reuters/Reuters/PROPN/2/obj ././PUNCT/2/punct"),
        None,
    );
    assert!(
        evs.iter().all(|e| e
            .target
            .as_ref()
            .is_none_or(|t| t.code.as_deref() != Some("GBRMED"))),
        "{evs:?}"
    );
    let evs = code_one(plain("Iran told Reuters it had accused Iraq."), None);
    assert!(
        evs.iter()
            .all(|e| e.target.as_ref().is_none_or(|t| t.text != "Reuters")),
        "{evs:?}"
    );
}

#[test]
fn entity_mentions_resolve_pronouns() {
    let s = parsed(
        "He/he/PRON/2/nsubj visited/visit/VERB/0/root Tokyo/Tokyo/PROPN/2/obj ././PUNCT/2/punct",
    );
    let text = s.text.clone();
    let a = Analysis {
        entities: Vec::new(),
        mentions: vec![Mention {
            sentence: 0,
            tokens: 0..1,
            span: Span::new(0, 2),
            text: "He".into(),
            kind: MentionKind::Pronoun,
            name: Some("Ban Ki-moon".into()),
            code: Some("IGOUNO".into()),
            entity: None,
            etype: None,
            in_quote: false,
            media: false,
        }],
    };
    let evs = code_doc(&[s], &text, &a, &[], None);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(evs[0].source.code.as_deref(), Some("IGOUNO"));
    assert_eq!(evs[0].source.text, "He");
    assert_eq!(
        evs[0].target.as_ref().unwrap().code.as_deref(),
        Some("JPNGOV")
    );
    assert_eq!(evs[0].cameo, "042");
}

#[test]
fn dates_from_the_sentence_or_the_article() {
    let evs = code_one(
        plain("Iran accused Iraq on Saturday."),
        Date::parse_iso("2020-01-12"),
    );
    assert_eq!(evs[0].date.as_deref(), Some("2020-01-11"));
    assert_eq!(evs[0].date_granularity.as_deref(), Some("day"));
    let evs = code_one(plain("Iran accused Iraq."), Date::parse_iso("2020-01-12"));
    assert_eq!(evs[0].date.as_deref(), Some("2020-01-12"));
}

#[test]
fn offsets_are_code_points() {
    let text = "Größe: Iran accused Iraq.";
    let mut s = plain("Iran accused Iraq.");
    let shift = "Größe: ".chars().count();
    for t in &mut s.tokens {
        t.start += shift;
        t.end += shift;
    }
    s.start += shift;
    s.end += shift;
    let evs = code_doc(&[s], text, &Analysis::default(), &[], None);
    let e = &evs[0];
    let slice = |a: usize, b: usize| text.chars().skip(a).take(b - a).collect::<String>();
    assert_eq!(slice(e.source.start, e.source.end), "Iran");
    assert_eq!(slice(e.verb.start, e.verb.end), "accused");
    assert_eq!(e.verb.text, "accused");
}

#[test]
fn user_verb_files_add_patterns() {
    let mut coder = Coder::builtin();
    coder
        .load_verbs_str("snub\t-\t1722\t-\tPeru snubbed Chile.\n", "user.tsv")
        .unwrap();
    let s = plain("Peru snubbed Chile.");
    let text = s.text.clone();
    let evs = coder.code(&CodingInput {
        text: &text,
        sentences: &[s],
        entities: &Analysis::default(),
        quotes: &[],
        article_date: None,
    });
    assert_eq!(evs[0].cameo, "1722");
}

#[test]
fn messy_input_does_not_panic() {
    for text in [
        "",
        ".",
        "the the the",
        "Iran Iran Iran accused",
        "accused",
        "“”",
        "Kim Jong Un Kim Jong Un said said said not not",
    ] {
        let _ = code_one(plain(text), None);
    }
    // Out-of-range heads and self-loops.
    let mut s = parsed("Iran/Iran/PROPN/2/nsubj accused/accuse/VERB/0/root Iraq/Iraq/PROPN/2/obj");
    s.tokens[0].head = Some(99);
    s.tokens[2].head = Some(2);
    let _ = code_one(s, None);
}

#[test]
fn place_pronoun_speaker_and_unknown_doers() {
    // The place of a coercive act stands for its target when none is named.
    check(
        parsed("Kenya/Kenya/PROPN/2/nsubj imposed/impose/VERB/0/root a/a/DET/4/det curfew/curfew/NOUN/2/obj in/in/ADP/6/case Uganda/Uganda/PROPN/2/obl ././PUNCT/2/punct"),
        "KENGOV 1723 UGACVL",
    );
    // "X said they would …": the pronoun takes the speaker's fuller code.
    let s = parsed("Kenyan/Kenyan/ADJ/2/amod farmers/farmer/NOUN/3/nsubj said/say/VERB/0/root they/they/PRON/6/nsubj would/would/AUX/6/aux block/block/VERB/3/ccomp roads/road/NOUN/6/obj ././PUNCT/3/punct");
    let text = s.text.clone();
    let analysis = Analysis {
        entities: Vec::new(),
        mentions: vec![Mention {
            sentence: 0,
            tokens: 3..4,
            span: Span::new(s.tokens[3].start, s.tokens[3].end),
            text: "they".into(),
            kind: MentionKind::Pronoun,
            name: None,
            code: Some("KEN".into()),
            entity: None,
            etype: None,
            in_quote: false,
            media: false,
        }],
    };
    let evs = code_doc(&[s], &text, &analysis, &[], Date::parse_iso("2015-06-01"));
    assert!(
        evs.iter()
            .any(|e| e.source.code.as_deref() == Some("KENAGR")),
        "{evs:?}"
    );
    // A doer the dictionary does not know still protests.
    let evs = code_one(
        parsed("Local/local/ADJ/2/amod hikers/hiker/NOUN/3/nsubj staged/stage/VERB/0/root a/a/DET/5/det protest/protest/NOUN/3/obj ././PUNCT/3/punct"),
        None,
    );
    assert!(
        evs.iter()
            .any(|e| e.cameo.starts_with("14") && e.source.code.is_none()),
        "{evs:?}"
    );
}

#[test]
fn a_past_verb_tagged_as_adjective_still_triggers() {
    // The tagger read the clause as a noun phrase headed by "soldiers".
    check(
        parsed("Kenyan/Kenyan/ADJ/2/amod rebels/rebel/NOUN/6/nsubj wounded/wounded/ADJ/6/amod two/two/NUM/6/nummod Ugandan/Ugandan/ADJ/6/amod soldiers/soldier/NOUN/0/root ././PUNCT/6/punct"),
        "KENREB 190 UGAMIL",
    );
}

#[test]
fn a_past_verb_tagged_as_adjective_after_its_subject_triggers() {
    // The tagger made "wounded" an adjective of the object; the clause hangs under "said".
    check(
        parsed("Basque/Basque/ADJ/2/amod rebels/rebel/NOUN/6/nsubj wounded/wounded/ADJ/6/amod two/two/NUM/6/nummod Spanish/Spanish/ADJ/6/amod policemen/policeman/NOUN/9/ccomp ,/,/PUNCT/6/punct police/police/NOUN/9/nsubj said/say/VERB/0/root ././PUNCT/9/punct"),
        // The group is kept as a third part (data/ethnic.tsv), placed by the one state named.
        "ESPREBBSQ 190 ESPCOP",
    );
}

#[test]
fn codebook_conventions_for_actors() {
    // A former office holder is an elite, not the government.
    check(
        plain("The former Kenyan prime minister accused Uganda."),
        "KENELI 112 UGA",
    );
    // An organisation's officials and troops are its GOV and MIL.
    check(plain("UN officials accused Sudan."), "IGOUNOGOV 112 SDN");
    check(
        plain("NATO troops attacked Serbian positions."),
        "IGOWSTNATMIL 190 SRB",
    );
    // A country's formal name runs through its possessive.
    check(
        plain("The United States accused the Democratic People's Republic of Korea."),
        "USAGOV 112 PRK",
    );
    // A curfew in a city falls on its residents.
    check(
        plain("Kenyan police imposed a curfew in Nairobi."),
        "KENCOP 1723 KENCVL",
    );
}

#[test]
fn troops_given_are_not_the_target() {
    check(plain("Chile sent peacekeepers to Haiti."), "CHLGOV 074 HTI");
}

#[test]
fn the_dictionary_name_wins_over_split_mentions() {
    // An entity stage that read "Kim Jong Un" as "Kim Jong" plus an organisation "Un".
    let s = plain("Iran praised Kim Jong Un.");
    let text = s.text.clone();
    let mention = |tokens: std::ops::Range<usize>, start: usize, t: &str, code: &str| Mention {
        sentence: 0,
        tokens,
        span: Span::new(start, start + t.len()),
        text: t.into(),
        kind: MentionKind::Name,
        name: Some(t.into()),
        code: Some(code.into()),
        entity: None,
        etype: None,
        in_quote: false,
        media: false,
    };
    let a = Analysis {
        entities: Vec::new(),
        mentions: vec![
            mention(2..4, 13, "Kim Jong", "PRKGOV"),
            mention(4..5, 22, "Un", "IGOUNO"),
        ],
    };
    let evs = code_doc(&[s], &text, &a, &[], Date::parse_iso("2020-01-12"));
    assert!(
        evs.iter().any(|e| e.cameo == "051"
            && e.target.as_ref().is_some_and(|t| {
                t.code.as_deref() == Some("PRKGOV") && t.text == "Kim Jong Un"
            })),
        "{evs:?}"
    );
}

#[test]
fn reporters_places_organs_and_unnamed_doers() {
    // Whoever reports the sentence is not the target of the act reported.
    let evs = code_one(
        parsed("Kenya/Kenya/PROPN/2/nsubj accepted/accept/VERB/0/root the/the/DET/4/det plan/plan/NOUN/2/obj ,/,/PUNCT/8/punct Ugandan/Ugandan/ADJ/7/amod officials/official/NOUN/8/nsubj said/say/VERB/2/parataxis ././PUNCT/2/punct"),
        None,
    );
    assert!(
        !evs.is_empty()
            && evs.iter().all(|e| e
                .target
                .as_ref()
                .and_then(|t| t.code.as_deref())
                .is_none_or(|c| !c.starts_with("UGA"))),
        "{evs:?}"
    );
    // An unnamed doer of violence is the unidentified armed force of the place it struck.
    check(
        parsed("Two/two/NUM/2/nummod soldiers/soldier/NOUN/4/nsubj:pass were/be/AUX/4/aux:pass killed/kill/VERB/0/root by/by/ADP/8/case a/a/DET/8/det car/car/NOUN/8/compound bomb/bomb/NOUN/4/obl:agent outside/outside/ADP/12/case the/the/DET/12/det Afghan/Afghan/ADJ/12/amod city/city/NOUN/8/nmod of/of/ADP/14/case Kandahar/Kandahar/PROPN/12/nmod ././PUNCT/4/punct"),
        "AFGUAF 190 AFGMIL",
    );
    // A complaint addressed to one actor about another is about the other.
    check(
        parsed("Lebanon/Lebanon/PROPN/2/nsubj complained/complain/VERB/0/root to/to/ADP/5/case the/the/DET/5/det UN/UN/PROPN/2/obl over/over/ADP/8/case Syrian/Syrian/ADJ/8/amod shelling/shelling/NOUN/2/obl ././PUNCT/2/punct"),
        "LBNGOV 114 SYR",
    );
    // An accusation voiced about a preceding clause targets that clause's subject.
    check(
        parsed("Kenyan/Kenyan/ADJ/2/amod authorities/authority/NOUN/3/nsubj mistreated/mistreat/VERB/0/root refugees/refugee/NOUN/3/obj ,/,/PUNCT/8/punct a/a/DET/8/det rights/right/NOUN/8/compound group/group/NOUN/9/nsubj protested/protest/VERB/3/parataxis ././PUNCT/3/punct"),
        "KENHRI 111 KENGOV",
    );
    // With no one else named, the place an act concerns is its target.
    check(
        parsed("Chile/Chile/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark postpone/postpone/VERB/2/xcomp the/the/DET/6/det summit/summit/NOUN/4/obj in/in/ADP/8/case Lima/Lima/PROPN/4/obl ././PUNCT/2/punct"),
        "CHLGOV 036 PER",
    );
    // A nationality before a settlement noun names the place's people; organs of an IGO carry
    // their function's sector; a descriptive noun before a name is an apposition.
    check(
        plain("Ethiopia shelled the Somali town of Baidoa."),
        "ETH 194 SOMCVL",
    );
    check(
        plain("The Security Council condemned Syria."),
        "IGOUNOGOV 111 SYR",
    );
    check(
        parsed("The/the/DET/3/det militant/militant/ADJ/3/amod group/group/NOUN/5/nsubj Hamas/Hamas/PROPN/3/appos threatened/threaten/VERB/0/root Israel/Israel/PROPN/5/obj ././PUNCT/5/punct"),
        "PSEREBHMS 130 ISR",
    );
}

#[test]
fn residence_partners_means_and_named_groups() {
    // An ethnic group is coded by where it lives, its origin kept as a third part.
    check(
        parsed("Ethnic/ethnic/ADJ/2/amod Hungarians/Hungarian/PROPN/5/nsubj in/in/ADP/4/case Slovakia/Slovakia/PROPN/2/nmod accused/accuse/VERB/0/root the/the/DET/8/det Slovak/Slovak/ADJ/8/amod government/government/NOUN/5/obj ././PUNCT/5/punct"),
        "SVKCVLHUN 112 SVKGOV",
    );
    // A place hung on the verb is not where a group lives; officials stay their state's.
    check(
        parsed("Ghana/Ghana/PROPN/4/nmod:poss 's/'s/PART/1/case foreign/foreign/ADJ/4/amod minister/minister/NOUN/5/nsubj met/meet/VERB/0/root his/his/PRON/8/nmod:poss Togolese/Togolese/ADJ/8/amod counterpart/counterpart/NOUN/5/obj in/in/ADP/10/case Accra/Accra/PROPN/5/obl ././PUNCT/5/punct"),
        "GHAGOV 040 TGOGOV",
    );
    // A demonym alone keeps its own country.
    check(
        parsed("Hungarian/Hungarian/ADJ/2/amod farmers/farmer/NOUN/3/nsubj accused/accuse/VERB/0/root the/the/DET/6/det Slovak/Slovak/ADJ/6/amod government/government/NOUN/3/obj ././PUNCT/3/punct"),
        "HUNAGR 112 SVKGOV",
    );
    // A domestic group facing a state's police is that state's, though two countries are named.
    check(
        parsed("Kenyan/Kenyan/ADJ/2/amod police/police/NOUN/3/nsubj arrested/arrest/VERB/0/root students/student/NOUN/3/obj who/who/PRON/6/nsubj opposed/oppose/VERB/4/acl:relcl the/the/DET/8/det deployment/deployment/NOUN/6/obj of/of/ADP/10/case troops/troops/NOUN/8/nmod to/to/ADP/12/case Somalia/Somalia/PROPN/8/nmod ././PUNCT/3/punct"),
        "KENCOP 173 KENEDU",
    );
    // Arms launched are the means; the `against` phrase names the target.
    check(
        parsed("Sudanese/Sudanese/ADJ/2/amod rebels/rebel/NOUN/3/nsubj launched/launch/VERB/0/root artillery/artillery/NOUN/3/obj against/against/ADP/7/case Ugandan/Ugandan/ADJ/7/amod troops/troops/NOUN/4/nmod ././PUNCT/3/punct"),
        "SDNREB 194 UGAMIL",
    );
    // A leadership of a named opposition group is the opposition.
    check(
        parsed("Leaders/leader/NOUN/9/nsubj of/of/ADP/4/case the/the/DET/4/det Azure/Azure/PROPN/1/nmod (/(/PUNCT/6/punct Blue/Blue/PROPN/4/appos )/)/PUNCT/6/punct opposition/opposition/NOUN/9/nsubj accused/accuse/VERB/0/root the/the/DET/12/det Georgian/Georgian/ADJ/12/amod government/government/NOUN/9/obj ././PUNCT/9/punct"),
        "GEOOPP 112 GEOGOV",
    );
    // A pronoun subject of reported content is the reporting subject, not the outlet cited.
    check(
        parsed("Renamo/Renamo/PROPN/2/nsubj announced/announce/VERB/0/root it/it/PRON/5/nsubj would/would/AUX/5/aux free/free/VERB/2/ccomp Zambian/Zambian/ADJ/7/amod prisoners/prisoner/NOUN/5/obj ,/,/PUNCT/11/punct according/accord/VERB/11/case to/to/ADP/9/fixed Tanzanian/Tanzanian/ADJ/12/amod radio/radio/NOUN/2/obl ././PUNCT/2/punct"),
        "MOZREB 0353 ZMBCVL",
    );
}

/// Every group of the ethnic table codes its own example.
#[test]
fn ethnic_table_codes_its_examples() {
    let table = ethnic::Ethnic::builtin();
    assert!(table.groups.len() >= 20, "ethnic table too small");
    let mut bad = Vec::new();
    for g in &table.groups {
        let got = code_one(plain(&g.example), Date::parse_iso("2015-06-01"));
        let codes: Vec<String> = got
            .iter()
            .flat_map(|e| {
                [
                    e.source.code.clone(),
                    e.target.as_ref().and_then(|t| t.code.clone()),
                ]
            })
            .flatten()
            .collect();
        if !codes.contains(&g.expected) {
            bad.push(format!(
                "{}: expected {} among {codes:?}",
                g.example, g.expected
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// A group code alone must never read as a country: a code that a country also uses needs a home.
#[test]
fn ethnic_codes_never_pass_for_countries() {
    let countries = include_str!("../../parley_actors/data/countries.tsv");
    let table = ethnic::Ethnic::builtin();
    for line in countries.lines().filter(|l| !l.starts_with('#')) {
        let code = line.split('\t').next().unwrap_or("").trim();
        if let Some(g) = table.by_code(code) {
            assert!(g.home.is_some(), "{} shares {code} with a country", g.name);
        }
    }
}

#[test]
fn stateless_groups_by_residence() {
    // A nationality before the group is where it lives.
    check(
        parsed("Iraqi/Iraqi/ADJ/2/amod Kurds/Kurd/PROPN/3/nsubj accused/accuse/VERB/0/root the/the/DET/6/det Turkish/Turkish/ADJ/6/amod government/government/NOUN/3/obj ././PUNCT/3/punct"),
        "IRQCVLKUR 112 TURGOV",
    );
    check(
        parsed("Syrian/Syrian/ADJ/3/amod Kurd/Kurd/PROPN/3/compound refugees/refugee/NOUN/4/nsubj criticized/criticize/VERB/0/root the/the/DET/6/det UN/UN/PROPN/4/obj ././PUNCT/4/punct"),
        "SYRREFKUR 111 IGOUNO",
    );
    // A people's leaders and elders are its elite.
    check(
        parsed("Igbo/Igbo/PROPN/2/compound elders/elder/NOUN/3/nsubj accused/accuse/VERB/0/root the/the/DET/6/det Nigerian/Nigerian/ADJ/6/amod government/government/NOUN/3/obj ././PUNCT/3/punct"),
        "NGAELIIBO 112 NGAGOV",
    );
    check(
        parsed("Kurdish/Kurdish/ADJ/2/amod leaders/leader/NOUN/5/nsubj in/in/ADP/4/case Iraq/Iraq/PROPN/2/nmod accused/accuse/VERB/0/root the/the/DET/8/det Turkish/Turkish/ADJ/8/amod government/government/NOUN/5/obj ././PUNCT/5/punct"),
        "IRQELIKUR 112 TURGOV",
    );
    // "of the <nationality> …" after the group.
    check(
        parsed("Druze/Druze/PROPN/2/compound residents/resident/NOUN/7/nsubj of/of/ADP/5/case the/the/DET/5/det Lebanese/Lebanese/ADJ/2/nmod mountains/mountain/NOUN/5/flat accused/accuse/VERB/0/root Israel/Israel/PROPN/7/obj ././PUNCT/7/punct"),
        "LBNCVLDRZ 112 ISR",
    );
    // The one state the sentence names; else the group's code alone.
    check(
        parsed("Indian/Indian/ADJ/2/amod troops/troops/NOUN/3/nsubj attacked/attack/VERB/0/root Tamil/Tamil/PROPN/5/amod rebels/rebel/NOUN/3/obj ././PUNCT/3/punct"),
        "INDMIL 190 INDREBTAM",
    );
    check(
        parsed("Kurdish/Kurdish/ADJ/2/amod rebels/rebel/NOUN/3/nsubj attacked/attack/VERB/0/root a/a/DET/5/det convoy/convoy/NOUN/3/obj ././PUNCT/3/punct"),
        "KURREB 190 -",
    );
}

#[test]
fn shelled_capitals_are_their_residents_and_old_sudan_stays_sudan() {
    // A capital shelled or bombed stands for its residents, not its government.
    let shelled = || {
        parsed("Rebels/rebel/NOUN/2/nsubj shelled/shell/VERB/0/root Kabul/Kabul/PROPN/2/obj ././PUNCT/2/punct")
    };
    check(shelled(), "AFGREB 194 AFGCVL");
    // Before South Sudan's independence in July 2011 its places were Sudan's.
    let juba = || {
        parsed("Militiamen/militiaman/NOUN/2/nsubj shelled/shell/VERB/0/root Juba/Juba/PROPN/2/obj ././PUNCT/2/punct")
    };
    let target = |d: &str| {
        code_one(juba(), Date::parse_iso(d))
            .iter()
            .find_map(|e| e.target.as_ref().and_then(|t| t.code.clone()))
    };
    assert_eq!(target("2005-03-01").as_deref(), Some("SDNCVL"));
    assert_eq!(target("2015-03-01").as_deref(), Some("SSDCVL"));
}

/// A direct quote over tokens `a..=b` of `s`, said by `speaker` with `code`.
fn quote_over(s: &Sentence, a: usize, b: usize, speaker: (usize, usize), code: &str) -> Quote {
    let (qs, qe) = (s.tokens[a].start, s.tokens[b].end);
    Quote {
        text: s.text.chars().skip(qs).take(qe - qs).collect(),
        start: qs,
        end: qe,
        kind: parley_core::QuoteKind::Direct,
        cue: Some("said".into()),
        cue_span: None,
        channel: None,
        speaker: Some(ActorMention {
            text: "the ministry".into(),
            start: s.tokens[speaker.0].start,
            end: s.tokens[speaker.1].end,
            name: Some("Chilean foreign ministry".into()),
            code: Some(code.into()),
        }),
        sentence: 0,
    }
}

#[test]
fn our_x_in_a_quote_is_the_speakers() {
    // "Our troops" as subject: the speaker's country with the troops' sector.
    let s = parsed("“/“/PUNCT/4/punct Our/our/PRON/3/nmod:poss troops/troop/NOUN/4/nsubj attacked/attack/VERB/0/root Tumba/Tumba/PROPN/4/obj ,/,/PUNCT/4/punct ”/”/PUNCT/4/punct the/the/DET/9/det ministry/ministry/NOUN/10/nsubj said/say/VERB/4/parataxis ././PUNCT/4/punct");
    let q = quote_over(&s, 0, 6, (7, 8), "CHLGOV");
    let evs = code_doc(
        std::slice::from_ref(&s),
        &s.text,
        &Analysis::default(),
        &[q],
        None,
    );
    assert!(
        evs.iter()
            .any(|e| e.source.code.as_deref() == Some("CHLMIL") && e.root == "19"),
        "{evs:?}"
    );
    // "our troops" as object.
    let s = parsed("“/“/PUNCT/4/punct Rebels/rebel/NOUN/4/nsubj have/have/AUX/4/aux attacked/attack/VERB/0/root our/our/PRON/6/nmod:poss troops/troop/NOUN/4/obj ,/,/PUNCT/4/punct ”/”/PUNCT/4/punct the/the/DET/10/det ministry/ministry/NOUN/11/nsubj said/say/VERB/4/parataxis ././PUNCT/4/punct");
    let q = quote_over(&s, 0, 7, (8, 9), "CHLGOV");
    let evs = code_doc(
        std::slice::from_ref(&s),
        &s.text,
        &Analysis::default(),
        &[q],
        None,
    );
    assert!(
        evs.iter().any(|e| e.root == "19"
            && e.target.as_ref().and_then(|t| t.code.as_deref()) == Some("CHLMIL")),
        "{evs:?}"
    );
}

#[test]
fn a_resolved_description_is_the_organisation_it_names() {
    // "The ministry" resolved by the entity stage to a Chilean ministry acts as that ministry,
    // also inside reported speech of others.
    let s = parsed("Peruvian/Peruvian/ADJ/2/amod officials/official/NOUN/3/nsubj said/say/VERB/0/root the/the/DET/5/det ministry/ministry/NOUN/6/nsubj threatened/threaten/VERB/3/ccomp Lima/Lima/PROPN/6/obj ././PUNCT/3/punct");
    let m = Mention {
        sentence: 0,
        tokens: 3..5,
        span: Span::new(s.tokens[3].start, s.tokens[4].end),
        text: "the ministry".into(),
        kind: MentionKind::Nominal,
        name: Some("Chilean foreign ministry".into()),
        code: Some("CHLGOV".into()),
        entity: None,
        etype: Some(parley_core::EntityType::ORG),
        in_quote: false,
        media: false,
    };
    let a = Analysis {
        entities: Vec::new(),
        mentions: vec![m],
    };
    let evs = code_doc(std::slice::from_ref(&s), &s.text, &a, &[], None);
    assert!(
        evs.iter()
            .any(|e| e.source.code.as_deref() == Some("CHLGOV")
                && e.root == "13"
                && e.target.as_ref().and_then(|t| t.code.as_deref()) == Some("PERGOV")),
        "{evs:?}"
    );
}

#[test]
fn coordinated_reporting_verbs_share_the_first_verbs_subject() {
    // A fragment parse with no subject on either verb: the speaker is the phrase before the first
    // verb, not the object of the first verb.
    let s = parsed("Malian/Malian/ADJ/2/amod rebels/rebel/NOUN/0/root dismissed/dismiss/VERB/2/parataxis a/a/DET/6/det Ghanaian/Ghanaian/ADJ/6/amod offer/offer/NOUN/3/obj and/and/CCONJ/8/cc said/say/VERB/3/conj they/they/PRON/10/nsubj condemned/condemn/VERB/8/ccomp the/the/DET/12/det curfew/curfew/NOUN/10/obj ././PUNCT/2/punct");
    let evs = code_one(s, None);
    assert!(
        evs.iter()
            .filter(|e| e.verb.text == "condemned")
            .all(|e| e.source.code.as_deref() == Some("MLIREB")),
        "{evs:?}"
    );
    assert!(evs.iter().any(|e| e.verb.text == "condemned"), "{evs:?}");
}

/// The coded "SRC CAMEO TGT" triples of a sentence, for the checks below.
fn summary(s: Sentence) -> Vec<String> {
    code_one(s, Date::parse_iso("2015-06-01"))
        .iter()
        .map(|e| {
            format!(
                "{} {} {}",
                e.source.code.as_deref().unwrap_or("?"),
                e.cameo,
                e.target
                    .as_ref()
                    .and_then(|t| t.code.as_deref())
                    .unwrap_or("-")
            )
        })
        .collect()
}

#[test]
fn passive_agents_patients_and_states() {
    // A `by` phrase set off by a comma after a parenthesis is the outer passive's agent.
    check(
        parsed("The/the/DET/2/det mayor/mayor/NOUN/5/nsubj:pass has/have/AUX/5/aux been/be/AUX/5/aux:pass criticized/criticize/VERB/0/root over/over/ADP/8/case the/the/DET/8/det budget/budget/NOUN/5/obl ,/,/PUNCT/13/punct most/most/ADJ/13/nsubj of/of/ADP/12/case it/it/PRON/10/nmod spent/spend/VERB/8/acl:relcl ,/,/PUNCT/17/punct by/by/ADP/17/case Peruvian/Peruvian/ADJ/17/amod officials/official/NOUN/13/obl ././PUNCT/5/punct"),
        "PERGOV 111 PERGOV",
    );
    // The patient of an agentless passive is not its doer.
    let got = summary(parsed("The/the/DET/2/det envoy/envoy/NOUN/6/nsubj:pass of/of/ADP/4/case Chile/Chile/PROPN/2/nmod was/be/AUX/6/aux:pass expelled/expel/VERB/0/root on/on/ADP/8/case Friday/Friday/PROPN/6/obl ././PUNCT/6/punct"));
    assert!(got.iter().all(|x| !x.starts_with("CHL")), "{got:?}");
    // A participle of state keeps its subject as the doer.
    check(
        parsed("Chile/Chile/PROPN/3/nsubj:pass is/be/AUX/3/aux:pass opposed/oppose/VERB/0/root to/to/ADP/6/case Peruvian/Peruvian/ADJ/6/amod mediation/mediation/NOUN/3/obl ././PUNCT/3/punct"),
        "CHLGOV 120 PER",
    );
    // Forces demobilized with no one named: their side stands down.
    let got = summary(parsed("Chilean/Chilean/ADJ/2/amod troops/troop/NOUN/4/nsubj:pass were/be/AUX/4/aux:pass demobilized/demobilize/VERB/0/root ././PUNCT/4/punct"));
    assert!(got.iter().any(|x| x.starts_with("CHLMIL 087")), "{got:?}");
}

#[test]
fn words_that_name_no_actor_here() {
    let mut bad = Vec::new();
    let mut no_actor = |text: &str, code: &str| {
        let got = summary(plain(text));
        if got.iter().any(|x| x.contains(code)) {
            bad.push(format!("{text:?}: {got:?}"));
        }
    };
    // A country labelling a currency or a product version.
    no_actor(
        "Chilean police accused the banker of hiding US $4 million.",
        "USA",
    );
    no_actor("Peru condemned the Japan model of the tablet.", "JPN");
    // A role noun closing a firm's name.
    no_actor(
        "Blue Harbor Intelligence accused its rival of theft.",
        "SPY",
    );
    // A court of play.
    no_actor("The forward attacked the referee on the court.", "JUD");
    // A firm's managers.
    no_actor(
        "The leadership team accused Chilean rivals of stealing designs.",
        "GOV 1",
    );
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn bare_institutions_on_a_one_country_page_are_its_own() {
    // Three sentences name Chile (as the entity stage would); the fourth names prosecutors only.
    let parts = [
        "Chile held a vote on Sunday.",
        "Turnout in Chile was high.",
        "Markets in Chile rose.",
        "Prosecutors charged the mayor with fraud.",
    ];
    let mut text = String::new();
    let mut sents = Vec::new();
    let mut mentions = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        let off = text.chars().count();
        let mut s = plain(p);
        for t in s.tokens.iter_mut() {
            t.start += off;
            t.end += off;
        }
        s.start += off;
        s.end += off;
        if let Some(k) = s.tokens.iter().position(|t| t.text == "Chile") {
            let t = &s.tokens[k];
            mentions.push(Mention {
                sentence: i,
                tokens: k..k + 1,
                span: Span::new(t.start, t.end),
                text: "Chile".into(),
                kind: MentionKind::Name,
                name: Some("Chile".into()),
                code: Some("CHL".into()),
                entity: None,
                etype: None,
                in_quote: false,
                media: false,
            });
        }
        text.push_str(p);
        text.push(' ');
        sents.push(s);
    }
    let a = Analysis {
        entities: Vec::new(),
        mentions,
    };
    let evs = code_doc(&sents, &text, &a, &[], Date::parse_iso("2015-06-01"));
    let charged = evs
        .iter()
        .find(|e| e.verb.text == "charged")
        .expect("coded");
    assert_eq!(charged.source.code.as_deref(), Some("CHLJUD"), "{evs:?}");
    // With a second country as often named, the page is about no one country.
    let mut b = a.clone();
    for m in b.mentions.iter_mut().take(2) {
        m.code = Some("PER".into());
    }
    let evs = code_doc(&sents, &text, &b, &[], Date::parse_iso("2015-06-01"));
    let charged = evs
        .iter()
        .find(|e| e.verb.text == "charged")
        .expect("coded");
    assert_eq!(charged.source.code.as_deref(), Some("JUD"), "{evs:?}");
}

/// In a document parsed only in part, a sentence left unparsed codes no event; a document
/// without any parse is coded from its tokens.
#[test]
fn unparsed_sentences_of_a_partly_parsed_document_code_nothing() {
    let first = parsed(
        "Peru/Peru/PROPN/2/nsubj condemned/condemn/VERB/0/root Chile/Chile/PROPN/2/obj ././PUNCT/2/punct",
    );
    let mut second = parsed(
        "Chile/Chile/PROPN/2/nsubj condemned/condemn/VERB/0/root Peru/Peru/PROPN/2/obj ././PUNCT/2/punct",
    );
    let shift = first.end + 1;
    second.start += shift;
    second.end += shift;
    for t in &mut second.tokens {
        t.start += shift;
        t.end += shift;
        t.head = None;
        t.deprel.clear();
    }
    let text = format!("{} {}", first.text, second.text);
    let date = Date::parse_iso("2015-06-01");
    let both = code_doc(
        &[first.clone(), second.clone()],
        &text,
        &Analysis::default(),
        &[],
        date,
    );
    assert_eq!(both.len(), 1, "{both:?}");
    assert!(both[0]
        .source
        .code
        .as_deref()
        .is_some_and(|c| c.starts_with("PER")));
    // the unparsed sentence alone is coded from its tokens
    let alone = code_one(second, date);
    assert_eq!(alone.len(), 1, "{alone:?}");
    assert!(alone[0]
        .source
        .code
        .as_deref()
        .is_some_and(|c| c.starts_with("CHL")));
}
