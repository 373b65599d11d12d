//! Offices added to the shipped KB beyond the seed corpus (international organisations, heads of
//! state and government, finance and justice ministers, central banks): news copy that names them
//! correctly is silent, and a holder named outside their term is a tenure error.

use assert_cmd::Command;
use serde_json::Value;

/// The messages of the tenure findings `check` reports on `text` published on `published`.
fn tenure_errors(text: &str, published: &str) -> Vec<String> {
    let output = Command::cargo_bin("factlint")
        .expect("binary built")
        .args(["check", "--published", published, "--format", "json", "-"])
        .write_stdin(text)
        .output()
        .expect("factlint runs");
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|finding| finding["rule"] == "tenure")
        .map(|finding| finding["message"].as_str().unwrap_or_default().to_string())
        .collect()
}

fn assert_silent(text: &str, published: &str) {
    let errors = tenure_errors(text, published);
    assert!(errors.is_empty(), "{published}: {text}\n{errors:#?}");
}

/// Exactly one tenure error, naming the holder the KB records instead.
fn assert_wrong(text: &str, published: &str, actual_holder: &str) {
    let errors = tenure_errors(text, published);
    assert_eq!(errors.len(), 1, "{published}: {text}\n{errors:#?}");
    assert!(errors[0].contains(actual_holder), "{errors:#?}");
}

#[test]
fn heads_of_international_organisations() {
    let correct = [
        (
            "NATO Secretary General Jens Stoltenberg said on Tuesday that the alliance would respond.",
            "2019-05-07",
        ),
        (
            "U.N. Secretary-General Ban Ki-moon told reporters in New York on Monday that talks would resume.",
            "2010-03-02",
        ),
        (
            "European Commission President Ursula von der Leyen and European Council President Charles Michel met in Brussels.",
            "2021-06-10",
        ),
        (
            "IMF Managing Director Christine Lagarde and World Bank President Robert Zoellick spoke in Washington.",
            "2012-04-20",
        ),
        (
            "WHO Director-General Tedros Adhanom Ghebreyesus declared a pandemic. ECB President Christine Lagarde warned of a slump.",
            "2020-03-11",
        ),
        (
            "Former NATO Secretary General Jens Stoltenberg said the alliance must stay united.",
            "2025-05-07",
        ),
    ];
    for (text, published) in correct {
        assert_silent(text, published);
    }
    // "X chief" names the head only when the name follows it directly.
    assert_silent(
        "UN chief weapons inspector Hans Blix reported to the Security Council. U.N. chief Kofi Annan listened.",
        "2003-02-14",
    );
    assert_silent(
        "IMF chief economist Gita Gopinath said growth would slow. WHO chief scientist Soumya Swaminathan warned of Omicron. ECB chief economist Philip Lane disagreed. NATO chief spokesperson Oana Lungescu said the meeting would go ahead.",
        "2022-02-14",
    );
    assert_wrong(
        "NATO chief Anders Fogh Rasmussen spoke in Brussels.",
        "2022-02-14",
        "Jens Stoltenberg",
    );
    assert_wrong(
        "NATO Secretary General Jens Stoltenberg said on Tuesday that the alliance would respond.",
        "2025-05-07",
        "Mark Rutte",
    );
    assert_wrong(
        "U.N. Secretary-General Kofi Annan told reporters in New York on Monday.",
        "2010-03-02",
        "Ban Ki-moon",
    );
    assert_wrong(
        "ECB President Mario Draghi warned of a slump.",
        "2020-03-11",
        "Christine Lagarde",
    );
}

#[test]
fn heads_of_state_and_government() {
    let correct = [
        (
            "Italian Prime Minister Giorgia Meloni met Spanish Prime Minister Pedro Sánchez and Australian Prime Minister Anthony Albanese.",
            "2023-03-01",
        ),
        (
            "Brazil's interim President Michel Temer met ministers in Brasilia. Suspended President Dilma Rousseff denounced a coup.",
            "2016-06-20",
        ),
        (
            "Israel's acting Prime Minister Ehud Olmert said on Friday that Prime Minister Ariel Sharon remained in a coma.",
            "2006-02-10",
        ),
        (
            "Turkish Prime Minister Recep Tayyip Erdogan and President Abdullah Gul voted in Ankara.",
            "2010-09-10",
        ),
        (
            "Mexican President Andrés Manuel López Obrador held his morning news conference.",
            "2019-01-02",
        ),
    ];
    for (text, published) in correct {
        assert_silent(text, published);
    }
    assert_wrong(
        "Italian Prime Minister Mario Draghi met reporters in Rome.",
        "2023-03-01",
        "Giorgia Meloni",
    );
    assert_wrong(
        "Turkish Prime Minister Recep Tayyip Erdogan spoke in Ankara.",
        "2016-09-10",
        "Binali Yıldırım",
    );
}

#[test]
fn british_chancellors_and_foreign_secretaries() {
    assert_silent(
        "Chancellor of the Exchequer George Osborne delivered his Budget on Wednesday, while British Foreign Secretary William Hague was in Brussels.",
        "2012-03-21",
    );
    assert_silent(
        "Britain's foreign secretary Yvette Cooper met her French counterpart. UK Chancellor Rachel Reeves spoke in Liverpool.",
        "2025-10-01",
    );
    assert_wrong(
        "Chancellor of the Exchequer George Osborne delivered his Budget on Wednesday.",
        "2017-03-08",
        "Philip Hammond",
    );
    assert_wrong(
        "British Foreign Secretary David Lammy met his French counterpart.",
        "2025-10-01",
        "Yvette Cooper",
    );
}

#[test]
fn us_cabinet_and_the_fed() {
    assert_silent(
        "Treasury Secretary Henry Paulson and Federal Reserve Chairman Ben Bernanke announced the plan. U.S. Attorney General Michael Mukasey was in Washington.",
        "2008-10-14",
    );
    assert_silent(
        "Fed Chair Kevin Warsh said rates would stay on hold. U.S. Treasury Secretary Scott Bessent agreed.",
        "2026-07-01",
    );
    // Acting holders are not recorded, and a regional Fed president is not the Fed chair.
    assert_silent(
        "Acting Defense Secretary Patrick Shanahan visited the border. Atlanta Fed chief Raphael Bostic said two cuts were likely.",
        "2019-03-01",
    );
    assert_wrong(
        "Treasury Secretary Henry Paulson announced the plan.",
        "2012-10-14",
        "Timothy Geithner",
    );
    assert_wrong(
        "Fed Chair Jerome Powell said rates would stay on hold.",
        "2026-07-01",
        "Kevin Warsh",
    );
    assert_wrong(
        "U.S. Defense Secretary Jim Mattis visited Seoul.",
        "2022-03-01",
        "Lloyd Austin",
    );
}

#[test]
fn central_bank_governors_and_japans_chief_cabinet_secretary() {
    assert_silent(
        "Bank of Japan Governor Haruhiko Kuroda introduced negative rates. Chief Cabinet Secretary Yoshihide Suga welcomed the move. BoE Governor Mark Carney was in Davos.",
        "2016-01-29",
    );
    assert_silent(
        "Chief Cabinet Secretary Yukio Edano said radiation levels had risen at the Fukushima plant.",
        "2011-03-14",
    );
    assert_wrong(
        "BOJ Governor Haruhiko Kuroda said on Monday rates would stay low.",
        "2024-01-29",
        "Kazuo Ueda",
    );
    assert_wrong(
        "Chief Cabinet Secretary Yoshihide Suga told reporters on Monday that Tokyo would protest.",
        "2024-06-10",
        "Yoshimasa Hayashi",
    );
}

#[test]
fn a_holder_named_without_or_with_a_middle_name_is_not_an_error() {
    // CNN, 2013-03-22 (TempEval-3): the KB spells him Recep Tayyip Erdoğan.
    assert_silent(
        "Turkish Prime Minister Recep Erdogan has accepted the apology, a statement said.",
        "2013-03-22",
    );
    assert_silent(
        "President George Bush met Prime Minister Tony Blair at Camp David on Thursday.",
        "2003-03-27",
    );
    // Someone else under the office's title is still found.
    assert_wrong(
        "Turkish Prime Minister Ahmet Davutoglu has accepted the apology, a statement said.",
        "2013-03-22",
        "Erdoğan",
    );
}
