//! What seeded cases are made of: short lists of made-up first names and surnames (mixed
//! at random, so no row describes a real person), crime types as the demo data words
//! them, and storylines of timeline updates that move a case through its stages.

use crate::cases::vcop::VcopEvent;

pub const FIRST_NAMES: &[&str] = &[
    "Aisha", "Alex", "Amir", "Bethan", "Callum", "Chloe", "Dafydd", "Dev", "Ellie", "Emeka",
    "Fatima", "Gareth", "Hannah", "Ifan", "Jade", "Jamie", "Kai", "Leah", "Megan", "Mohammed",
    "Niamh", "Oliver", "Priya", "Rhys", "Ruby", "Sam", "Siân", "Tariq", "Zoe", "Zofia",
];

pub const SURNAMES: &[&str] = &[
    "Ahmed",
    "Bennett",
    "Chowdhury",
    "Davies",
    "Edwards",
    "Evans",
    "Fletcher",
    "Green",
    "Hughes",
    "Iqbal",
    "Jenkins",
    "Khan",
    "Lewis",
    "Morgan",
    "Nowak",
    "Okafor",
    "Patel",
    "Price",
    "Rahman",
    "Roberts",
    "Shah",
    "Taylor",
    "Thomas",
    "Walker",
    "Williams",
    "Wright",
];

pub const OFFICER_ROLES: &[&str] = &[
    "Investigating officer",
    "Victim care officer",
    "Witness care officer",
];

pub const OFFICER_HOURS: &[&str] = &[
    "Monday to Friday, 9am to 5pm",
    "Monday to Friday, 8am to 6pm",
    "Monday to Friday, 8am to 4pm",
];

pub struct CrimeKind {
    /// Plain words shown to the victim.
    pub crime_type: &'static str,
    pub crime_category: &'static str,
    /// Percent of these cases with enhanced rights (100 for domestic abuse and the like).
    pub enhanced_percent: u64,
}

pub const CRIME_KINDS: &[CrimeKind] = &[
    CrimeKind {
        crime_type: "Burglary at your home",
        crime_category: "burglary",
        enhanced_percent: 10,
    },
    CrimeKind {
        crime_type: "Theft of your bike",
        crime_category: "other",
        enhanced_percent: 5,
    },
    CrimeKind {
        crime_type: "Damage to your car",
        crime_category: "criminal_damage",
        enhanced_percent: 5,
    },
    CrimeKind {
        crime_type: "Robbery: your phone was taken in the street",
        crime_category: "robbery",
        enhanced_percent: 15,
    },
    CrimeKind {
        crime_type: "Assault by a former partner",
        crime_category: "domestic_abuse",
        enhanced_percent: 100,
    },
    CrimeKind {
        crime_type: "Harassment: repeated unwanted messages and visits",
        crime_category: "harassment",
        enhanced_percent: 100,
    },
    CrimeKind {
        crime_type: "Assault in a public place",
        crime_category: "assault",
        enhanced_percent: 20,
    },
    CrimeKind {
        crime_type: "Fraud: money taken from your bank account",
        crime_category: "fraud",
        enhanced_percent: 10,
    },
    CrimeKind {
        crime_type: "Abuse because of who you are",
        crime_category: "hate_crime",
        enhanced_percent: 100,
    },
];

/// One timeline update and the stage the case is at after it.
pub struct Step {
    pub stage: &'static str,
    pub vcop: Option<VcopEvent>,
    pub title: &'static str,
    pub what_happened: &'static str,
    pub what_happens_next: &'static str,
}

const RECORDED: Step = Step {
    stage: "crime_recorded",
    vcop: None,
    title: "We recorded the crime",
    what_happened: "You told us what happened and we recorded it as a crime.",
    what_happens_next: "An officer will be given your case and will look into what happened.",
};
const SUPPORT_REFERRAL: Step = Step {
    stage: "crime_recorded",
    vcop: Some(VcopEvent::SupportReferral),
    title: "We asked a support service to contact you",
    what_happened: "With your agreement, we passed your details to a local victim support \
        service.",
    what_happens_next: "They should contact you within 2 working days. Their help is free \
        and you do not have to accept it.",
};
const INVESTIGATING: Step = Step {
    stage: "under_investigation",
    vcop: None,
    title: "An officer is looking into your case",
    what_happened: "An officer is now looking into your case. They are collecting evidence, \
        such as camera footage and statements from witnesses.",
    what_happens_next: "We will tell you when anything important changes.",
};
const ARRESTED: Step = Step {
    stage: "suspect_arrested",
    vcop: Some(VcopEvent::SuspectArrested),
    title: "The suspect was arrested",
    what_happened: "Officers arrested a suspect.",
    what_happens_next: "The suspect will be interviewed. We will tell you what happens next.",
};
const INTERVIEWED: Step = Step {
    stage: "interviewed",
    vcop: Some(VcopEvent::SuspectInterviewed),
    title: "The suspect was interviewed",
    what_happened: "Officers interviewed the suspect under caution.",
    what_happens_next: "We will look at all the evidence and decide what happens next.",
};
const BAIL: Step = Step {
    stage: "released_on_bail",
    vcop: Some(VcopEvent::Bail),
    title: "The suspect was released on bail",
    what_happened: "The suspect was released on bail. They must not contact you, directly or \
        through anyone else.",
    what_happens_next: "If the suspect contacts you, call 999 in an emergency or 101 \
        otherwise. We will tell you before the bail ends.",
};
const UNDER_INVESTIGATION: Step = Step {
    stage: "released_under_investigation",
    vcop: Some(VcopEvent::ReleasedUnderInvestigation),
    title: "The suspect was released while we investigate",
    what_happened: "The suspect was released without bail while we carry on investigating.",
    what_happens_next: "We will tell you when we decide whether to charge them.",
};
const CHARGED: Step = Step {
    stage: "charged",
    vcop: Some(VcopEvent::Charged),
    title: "The suspect was charged",
    what_happened: "The suspect was charged. They are now called the defendant.",
    what_happens_next: "The case will go to a magistrates' court first.",
};
const TRIAL_DATE: Step = Step {
    stage: "trial_date_set",
    vcop: Some(VcopEvent::HearingDate),
    title: "The trial date is set",
    what_happened: "The court has set a date for the trial.",
    what_happens_next: "We will tell you if you need to give evidence. You can visit the \
        court before the trial to see what it is like.",
};
const NO_FURTHER_ACTION: Step = Step {
    stage: "no_further_action",
    vcop: Some(VcopEvent::DecisionNotToCharge),
    title: "We will take no further action",
    what_happened: "We have decided not to take the case further because there is not \
        enough evidence to charge the suspect.",
    what_happens_next: "If you disagree, you can ask us to look at the decision again. This \
        is called the Victims' Right to Review.",
};
const OUT_OF_COURT: Step = Step {
    stage: "out_of_court_disposal",
    vcop: Some(VcopEvent::OutOfCourtDisposal),
    title: "The case was dealt with out of court",
    what_happened: "The suspect admitted the offence and was given a caution with \
        conditions.",
    what_happens_next: "If the conditions are broken, the suspect can be charged.",
};

/// Oldest update first; a case takes the first 2 to 6 steps of one storyline.
pub const STORYLINES: &[&[Step]] = &[
    &[
        RECORDED,
        INVESTIGATING,
        ARRESTED,
        INTERVIEWED,
        CHARGED,
        TRIAL_DATE,
    ],
    &[
        RECORDED,
        SUPPORT_REFERRAL,
        ARRESTED,
        INTERVIEWED,
        BAIL,
        CHARGED,
    ],
    &[
        RECORDED,
        INVESTIGATING,
        ARRESTED,
        INTERVIEWED,
        UNDER_INVESTIGATION,
    ],
    &[RECORDED, INVESTIGATING, INTERVIEWED, NO_FURTHER_ACTION],
    &[
        RECORDED,
        SUPPORT_REFERRAL,
        INVESTIGATING,
        INTERVIEWED,
        OUT_OF_COURT,
    ],
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn storylines_use_real_stages_and_have_at_least_two_steps() {
        for storyline in STORYLINES {
            assert!(storyline.len() >= 2);
            for step in *storyline {
                assert!(
                    crate::cases::stages::find(step.stage).is_some(),
                    "{}",
                    step.stage
                );
            }
        }
    }
}
