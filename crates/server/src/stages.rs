//! The stages a case goes through, each explained in plain words with what usually happens
//! next. `cases.stage` holds one of these codes.

use shared::api::StageView;

/// One stage of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stage {
    pub code: &'static str,
    pub title: &'static str,
    pub explanation: &'static str,
    pub what_happens_next: &'static str,
}

impl Stage {
    pub fn view(&self) -> StageView {
        StageView {
            code: self.code.to_owned(),
            title: self.title.to_owned(),
            explanation: self.explanation.to_owned(),
            what_happens_next: self.what_happens_next.to_owned(),
        }
    }
}

/// The stage with this code, if there is one.
pub fn find(code: &str) -> Option<&'static Stage> {
    STAGES.iter().find(|stage| stage.code == code)
}

/// Every stage, in the usual order of a case.
pub const STAGES: &[Stage] = &[
    Stage {
        code: "reported",
        title: "Reported",
        explanation: "You have told the police about the crime. Thank you for reporting it.",
        what_happens_next: "We will record the crime and give you a crime reference number. \
            You should get written information about what happens next.",
    },
    Stage {
        code: "crime_recorded",
        title: "Crime recorded",
        explanation: "We have recorded the crime and given it a crime reference number. \
            An officer has been given your case to look into.",
        what_happens_next: "The officer will look at what happened and may contact you to \
            ask more questions. We will tell you about any important changes.",
    },
    Stage {
        code: "under_investigation",
        title: "Under investigation",
        explanation: "Officers are looking into the crime. This can mean talking to \
            witnesses, checking cameras or looking at other evidence.",
        what_happens_next: "If we find out who may have done it, we will tell you. If we \
            cannot take the case further, we will tell you why.",
    },
    Stage {
        code: "suspect_identified",
        title: "Suspect identified",
        explanation: "We think we know who may have committed the crime. This person is \
            called the suspect.",
        what_happens_next: "We may arrest the suspect or ask them to come in for an \
            interview. We will tell you when this happens.",
    },
    Stage {
        code: "suspect_arrested",
        title: "Suspect arrested",
        explanation: "The police have arrested the suspect.",
        what_happens_next: "The suspect will usually be interviewed. After that they may be \
            charged, released on bail, released while we keep investigating, or we may take \
            no further action.",
    },
    Stage {
        code: "interviewed",
        title: "Suspect interviewed",
        explanation: "The police have interviewed the suspect about the crime.",
        what_happens_next: "We will decide whether there is enough evidence to go further. \
            We will tell you what we decide.",
    },
    Stage {
        code: "released_on_bail",
        title: "Suspect released on bail",
        explanation: "The suspect has been let go while the investigation continues, but \
            they must follow rules called bail conditions. Breaking them can lead to arrest.",
        what_happens_next: "We will keep investigating. If the suspect breaks a bail \
            condition, call 999 in an emergency or 101 otherwise and give your crime \
            reference number.",
    },
    Stage {
        code: "released_under_investigation",
        title: "Suspect released while we investigate",
        explanation: "The suspect has been let go without bail while we keep investigating. \
            There are no bail conditions, but the case is still open.",
        what_happens_next: "We will tell you when we make a decision. If you feel unsafe, \
            call 999 in an emergency or 101 otherwise.",
    },
    Stage {
        code: "no_further_action",
        title: "No further action",
        explanation: "We have decided not to take the case further for now. This does not \
            mean we do not believe you. It usually means there is not enough evidence.",
        what_happens_next: "If a suspect was interviewed and you disagree with the decision, \
            you can ask us to look at it again. This is called the Victims' Right to Review. \
            Ask within 10 working days if you can (we accept requests up to 3 months after \
            the decision). We will reply within 10 working days and decide within 30.",
    },
    Stage {
        code: "charged",
        title: "Charged: going to court",
        explanation: "The suspect has been charged with a crime. They are now called the \
            defendant, and the case will go to court.",
        what_happens_next: "The witness care unit will tell you the date, time and place of \
            the first court hearing within 1 working day of it being set.",
    },
    Stage {
        code: "out_of_court_disposal",
        title: "Dealt with out of court",
        explanation: "The case has been dealt with without going to court, for example with \
            a caution or a community resolution.",
        what_happens_next: "Your officer will explain what the offender has agreed to do. \
            Ask them if you have questions.",
    },
    Stage {
        code: "first_hearing",
        title: "First court hearing",
        explanation: "The defendant has been to their first hearing at a magistrates' court.",
        what_happens_next: "The case may stay at the magistrates' court or move to the Crown \
            Court. We will tell you about the next hearing.",
    },
    Stage {
        code: "plea",
        title: "Plea made",
        explanation: "The defendant has told the court whether they say they are guilty or \
            not guilty. This is called a plea.",
        what_happens_next: "If they say guilty, the court will decide the sentence. If they \
            say not guilty, there will be a trial.",
    },
    Stage {
        code: "trial_date_set",
        title: "Trial date set",
        explanation: "The court has set a date for the trial.",
        what_happens_next: "The witness care unit will tell you if you need to give evidence \
            and help you prepare. You can ask to visit the court before the trial.",
    },
    Stage {
        code: "trial",
        title: "Trial",
        explanation: "The trial is happening. The court hears the evidence and decides if \
            the defendant is guilty.",
        what_happens_next: "We will tell you the result of the trial.",
    },
    Stage {
        code: "verdict",
        title: "Verdict given",
        explanation: "The court has decided whether the defendant is guilty or not guilty. \
            This decision is called the verdict.",
        what_happens_next: "If the defendant was found guilty, the court will decide their \
            sentence. Your Victim Personal Statement can be read out before that.",
    },
    Stage {
        code: "sentence",
        title: "Sentenced",
        explanation: "The court has decided the offender's punishment. This is called the \
            sentence.",
        what_happens_next: "If the offender was sent to prison for 12 months or more for a \
            violent or sexual crime, you can join the Victim Contact Scheme to hear about \
            their release.",
    },
    Stage {
        code: "appeal_window",
        title: "Time to appeal",
        explanation: "The offender can ask a higher court to look at the verdict or the \
            sentence again. This is called an appeal. There is a time limit to ask.",
        what_happens_next: "We will tell you if there is an appeal and what happens in it.",
    },
    Stage {
        code: "case_closed",
        title: "Case closed",
        explanation: "Your case is finished.",
        what_happens_next: "You can still get help from Victim Support, free, on \
            08 08 16 89 111. If you think we did not keep to your rights, you can complain.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_explained() {
        for (i, stage) in STAGES.iter().enumerate() {
            assert!(stage
                .code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(STAGES[i + 1..].iter().all(|other| other.code != stage.code));
            assert!(!stage.title.is_empty() && !stage.explanation.is_empty());
            assert!(!stage.what_happens_next.is_empty());
            assert!(
                !stage.explanation.contains("  "),
                "{} has a double space",
                stage.code
            );
        }
    }

    #[test]
    fn finds_by_code() {
        assert_eq!(
            find("charged").map(|s| s.title),
            Some("Charged: going to court")
        );
        assert_eq!(find("nonsense"), None);
    }
}
