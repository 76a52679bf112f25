//! The forms of the outputs, one module per step family, and what they
//! share: a form as data ([`FormPage`]: groups of labelled fields, rendered by
//! one template so that every field has its label, its value and its error),
//! the submitted values ([`Fields`]), the checks of what a browser sends
//! ([`Check`]), and recording a command ([`record`]): on success a redirect to
//! the partnership, on refusal the same form with the store's reasons next to
//! the fields they concern and nothing the user typed lost. `admin.rs` holds
//! the operator's forms (cities, stakeholders, KPIs, accounts).

pub mod act;
pub mod admin;
pub mod common;
pub mod contacts;
pub mod delivery;
mod flow;
pub mod measure;
mod model;
pub mod partner;
pub mod plan;
pub mod standing;

pub use flow::{record, show, submit};
pub use model::{Field, Fields, FormPage, Group, Input};
