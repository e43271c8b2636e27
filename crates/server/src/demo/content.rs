//! The demo cases: five fictional victims, officers and timelines in plain UK English.
//! Phone numbers are from Ofcom's drama ranges and emails use example.org, so nothing here
//! can reach a real person. `{date+N}` in a text becomes the weekday N days from today.

use shared::api::preferences::ContactMethod;

use crate::cases::vcop::VcopEvent;

/// A fictional victim and how they chose to be contacted.
pub struct DemoVictim {
    pub name: &'static str,
    pub contact_method: ContactMethod,
    pub phone: Option<&'static str>,
    pub email: Option<&'static str>,
}

pub struct DemoOfficer {
    pub name: &'static str,
    pub role: &'static str,
    pub phone: &'static str,
    pub phone_link: &'static str,
    pub email: &'static str,
    pub hours: &'static str,
}

/// A Victims' Code event an update tells the victim about.
pub struct DemoVcop {
    /// A `VcopEvent` name, e.g. `charged`.
    pub event: VcopEvent,
    /// Working days between the event and the update (0: told the same day). Counted
    /// back from the update so lateness is the same whatever weekday today is.
    pub working_days_before: u32,
}

pub struct DemoUpdate {
    pub days_ago: i64,
    pub vcop: Option<DemoVcop>,
    pub title: &'static str,
    pub what_happened: &'static str,
    pub what_happens_next: &'static str,
}

pub struct DemoCase {
    pub crime_reference: &'static str,
    pub crime_type: &'static str,
    /// e.g. `burglary`, `domestic_abuse` (see `CaseView::crime_category`).
    pub crime_category: &'static str,
    pub stage: &'static str,
    pub enhanced_rights: bool,
    pub reported_days_ago: i64,
    pub victim: DemoVictim,
    pub officer: DemoOfficer,
    /// Oldest first.
    pub updates: &'static [DemoUpdate],
}

const WEEKDAYS_9_TO_5: &str = "Monday to Friday, 9am to 5pm";

pub const CASES: &[DemoCase] = &[
    DemoCase {
        crime_reference: "CR/100001/25",
        crime_category: "burglary",
        crime_type: "Burglary at your home",
        stage: "crime_recorded",
        enhanced_rights: false,
        reported_days_ago: 3,
        victim: DemoVictim {
            name: "Priya Shah",
            contact_method: ContactMethod::TextMessage,
            phone: Some("+447700900001"),
            email: None,
        },
        officer: DemoOfficer {
            name: "PC Daniel Okafor",
            role: "Investigating officer",
            phone: "01632 960 101",
            phone_link: "+441632960101",
            email: "daniel.okafor@example.org",
            hours: "Monday to Friday, 8am to 6pm",
        },
        updates: &[
            DemoUpdate {
                days_ago: 3,
                vcop: None,
                title: "We recorded the crime",
                what_happened: "You told us someone broke in through your back door while you \
                    were out, and took a laptop and some jewellery. We recorded this as a \
                    burglary.",
                what_happens_next: "An officer will be given your case. A crime scene \
                    investigator may visit to look for fingerprints.",
            },
            DemoUpdate {
                days_ago: 2,
                vcop: None,
                title: "An officer is looking into your case",
                what_happened: "PC Daniel Okafor is now looking into your case. A crime scene \
                    investigator visited your home and took fingerprints from the back door.",
                what_happens_next: "PC Okafor will look for camera footage in your street and \
                    talk to your neighbours. You will get an update within 5 working days.",
            },
        ],
    },
    DemoCase {
        crime_reference: "CR/100002/25",
        crime_category: "domestic_abuse",
        crime_type: "Assault by a former partner",
        stage: "released_on_bail",
        enhanced_rights: true,
        reported_days_ago: 12,
        victim: DemoVictim {
            name: "Alex Morgan",
            contact_method: ContactMethod::Email,
            phone: None,
            email: Some("alex.demo@example.org"),
        },
        officer: DemoOfficer {
            name: "Sarah Whitfield",
            role: "Victim care officer",
            phone: "01632 960 102",
            phone_link: "+441632960102",
            email: "sarah.whitfield@example.org",
            hours: WEEKDAYS_9_TO_5,
        },
        updates: &[
            DemoUpdate {
                days_ago: 12,
                vcop: None,
                title: "We recorded the crime",
                what_happened: "You told us your former partner hurt you at your home. We \
                    recorded this as domestic abuse. This means you have enhanced rights: we \
                    will tell you about important changes within 1 working day.",
                what_happens_next: "Officers will look for the suspect. We have asked a \
                    domestic abuse support worker to contact you within 2 working days.",
            },
            DemoUpdate {
                days_ago: 11,
                vcop: Some(DemoVcop {
                    event: VcopEvent::SuspectArrested,
                    working_days_before: 0,
                }),
                title: "The suspect was arrested",
                what_happened: "Officers arrested the suspect this morning.",
                what_happens_next: "The suspect will be interviewed. We will tell you what \
                    happens next within 1 working day.",
            },
            DemoUpdate {
                days_ago: 10,
                vcop: Some(DemoVcop {
                    event: VcopEvent::SuspectInterviewed,
                    working_days_before: 0,
                }),
                title: "The suspect was interviewed",
                what_happened: "Officers interviewed the suspect about what happened.",
                what_happens_next: "We will decide whether to release the suspect, and on what \
                    conditions.",
            },
            DemoUpdate {
                days_ago: 10,
                vcop: Some(DemoVcop {
                    event: VcopEvent::Bail,
                    working_days_before: 0,
                }),
                title: "The suspect was released on bail",
                what_happened: "The suspect was released on bail. They must not contact you, \
                    directly or through anyone else, and must not go to your street.",
                what_happens_next: "We are still investigating. If the suspect contacts you or \
                    comes to your street, call 999 in an emergency or 101 otherwise. We will \
                    tell you before the bail ends on {date+18}.",
            },
        ],
    },
    DemoCase {
        crime_reference: "CR/100003/25",
        crime_category: "robbery",
        crime_type: "Robbery: your phone was taken in the street",
        stage: "trial_date_set",
        enhanced_rights: false,
        reported_days_ago: 70,
        victim: DemoVictim {
            name: "Jamie Evans",
            contact_method: ContactMethod::TextMessage,
            phone: Some("+447700900003"),
            email: None,
        },
        officer: DemoOfficer {
            name: "Chris Barker",
            role: "Witness care officer",
            phone: "01632 960 103",
            phone_link: "+441632960103",
            email: "chris.barker@example.org",
            hours: "Monday to Friday, 8am to 4pm",
        },
        updates: &[
            DemoUpdate {
                days_ago: 70,
                vcop: None,
                title: "We recorded the crime",
                what_happened: "You told us a man pushed you and took your phone while you \
                    were walking home. We recorded this as a robbery.",
                what_happens_next: "Officers will look at camera footage from the area.",
            },
            DemoUpdate {
                days_ago: 66,
                vcop: Some(DemoVcop {
                    event: VcopEvent::SuspectArrested,
                    working_days_before: 0,
                }),
                title: "The suspect was arrested",
                what_happened: "Officers found your phone and arrested a suspect.",
                what_happens_next: "The suspect will be interviewed and we will decide \
                    whether to charge them.",
            },
            DemoUpdate {
                days_ago: 54,
                vcop: Some(DemoVcop {
                    event: VcopEvent::Charged,
                    working_days_before: 7,
                }),
                title: "The suspect was charged",
                what_happened: "The suspect was charged with robbery. They are now called the \
                    defendant. We should have told you sooner, and we are sorry.",
                what_happens_next: "The case will go to a magistrates' court first.",
            },
            DemoUpdate {
                days_ago: 40,
                vcop: Some(DemoVcop {
                    event: VcopEvent::HearingOutcome,
                    working_days_before: 1,
                }),
                title: "First hearing at the magistrates' court",
                what_happened: "The defendant went to the magistrates' court. They said they \
                    are not guilty. The case has been sent to the Crown Court.",
                what_happens_next: "The Crown Court will set a date for the trial.",
            },
            DemoUpdate {
                days_ago: 20,
                vcop: Some(DemoVcop {
                    event: VcopEvent::HearingDate,
                    working_days_before: 0,
                }),
                title: "The trial date is set",
                what_happened: "The trial will start on {date+49} at the Crown Court.",
                what_happens_next: "We will tell you if you need to give evidence. You can \
                    visit the court before the trial to see what it is like. Call us to \
                    arrange this.",
            },
        ],
    },
    DemoCase {
        crime_reference: "CR/100004/25",
        crime_category: "criminal_damage",
        crime_type: "Damage to your car",
        stage: "no_further_action",
        enhanced_rights: false,
        reported_days_ago: 40,
        victim: DemoVictim {
            name: "Jordan Hughes",
            contact_method: ContactMethod::Email,
            phone: None,
            email: Some("jordan.demo@example.org"),
        },
        officer: DemoOfficer {
            name: "PC Aisha Rahman",
            role: "Investigating officer",
            phone: "01632 960 104",
            phone_link: "+441632960104",
            email: "aisha.rahman@example.org",
            hours: WEEKDAYS_9_TO_5,
        },
        updates: &[
            DemoUpdate {
                days_ago: 40,
                vcop: None,
                title: "We recorded the crime",
                what_happened: "You told us someone scratched your car and broke a wing \
                    mirror while it was parked outside your home. We recorded this as \
                    criminal damage.",
                what_happens_next: "An officer will look into what happened.",
            },
            DemoUpdate {
                days_ago: 25,
                vcop: Some(DemoVcop {
                    event: VcopEvent::SuspectInterviewed,
                    working_days_before: 2,
                }),
                title: "A suspect was interviewed",
                what_happened: "Officers interviewed a suspect under caution.",
                what_happens_next: "We will look at all the evidence and decide whether to take \
                    the case further.",
            },
            DemoUpdate {
                days_ago: 6,
                vcop: Some(DemoVcop {
                    event: VcopEvent::DecisionNotToCharge,
                    working_days_before: 3,
                }),
                title: "We will take no further action",
                what_happened: "We have decided not to take the case further because there is \
                    not enough evidence to charge the suspect. We know this may be hard to hear.",
                what_happens_next: "If you disagree, you can ask us to look at the decision \
                    again. This is called the Victims' Right to Review. Ask within 10 working \
                    days if you can; we accept requests up to 3 months after the decision. \
                    Contact PC Rahman to ask.",
            },
        ],
    },
    DemoCase {
        crime_reference: "CR/100005/25",
        crime_category: "harassment",
        crime_type: "Harassment: repeated unwanted messages and visits",
        stage: "under_investigation",
        enhanced_rights: true,
        reported_days_ago: 8,
        victim: DemoVictim {
            name: "Sam Taylor",
            contact_method: ContactMethod::Letter,
            phone: None,
            email: None,
        },
        officer: DemoOfficer {
            name: "Tom Ellis",
            role: "Victim care officer",
            phone: "01632 960 105",
            phone_link: "+441632960105",
            email: "tom.ellis@example.org",
            hours: WEEKDAYS_9_TO_5,
        },
        updates: &[
            DemoUpdate {
                days_ago: 8,
                vcop: None,
                title: "We recorded the crime",
                what_happened: "You told us someone keeps sending you messages and coming to \
                    your workplace after you asked them to stop. We recorded this as \
                    harassment. Because this keeps happening, you have enhanced rights.",
                what_happens_next: "An officer will look into what happened. We will write to \
                    you, as you asked.",
            },
            DemoUpdate {
                days_ago: 5,
                vcop: None,
                title: "We are investigating",
                what_happened: "Officers have collected the messages you kept and spoken to \
                    staff at your workplace.",
                what_happens_next: "We will speak to the person you named. We will write to you \
                    within 1 working day of any important change.",
            },
        ],
    },
];
