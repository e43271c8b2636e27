//! Delivery: a worker that takes due messages from the outbox and sends them through a
//! provider (GOV.UK Notify, or the force's own SMTP relay), only by a method the victim
//! marked safe and only inside their safe times, and records what became of each.

pub mod message;
pub mod provider;
pub mod smtp;
