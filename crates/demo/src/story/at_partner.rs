//! PARTNER (and the contacts that lead to it): the counterpart chosen, the
//! sourced assessments, contacts, agreements with their signatures and the
//! first priorities; and the fillers for `PARTNER_ASSESSMENT` (one item
//! assumed met in each group that the sources leave undecided),
//! `PARTNER_PRIORITY` and `PARTNER_AGREEMENT`.

use super::state::Story;
use crate::common::{FILLER, id, truncate};
use crate::plan::Stop;
use anyhow::{Result, anyhow};
use c2c_domain::outputs::{
    AgreementDraft, AgreementKind, Answer, AssessmentDraft, AssessmentItem, ContactDirection,
    ContactDraft, CriterionGroup, Levels, SelectionCriterion,
};
use c2c_domain::{Area, Command};
use chrono::NaiveDate;

impl Story<'_> {
    pub(super) async fn record_counterpart(&mut self) -> Result<()> {
        let c = self
            .counterpart
            .ok_or_else(|| anyhow!("{}: no counterpart to choose", self.p.key))?;
        self.exec(self.initiator, Command::choose_counterpart(c))
            .await
    }

    pub(super) async fn record_assessment(&mut self, i: usize) -> Result<()> {
        let (p, sx) = (self.p, self.sx);
        let a = &p.assessments[i];
        let city = sx.city(&a.city)?;
        let candidate = if a.city == p.initiator {
            p.counterpart.as_deref().map(|c| sx.city(c)).transpose()?
        } else {
            Some(self.initiator)
        }
        .ok_or_else(|| anyhow!("{}: assessment of no candidate", p.key))?;
        let items = a
            .items
            .iter()
            .map(|x| AssessmentItem {
                criterion: x.criterion.criterion(),
                answer: x.status,
                note: format!("{} (Source: {})", x.note, a.source),
            })
            .collect();
        let draft = AssessmentDraft {
            id: id("assessment", &format!("{}:{i}", p.key)).into(),
            candidate,
            on: a.on,
            items,
        };
        self.exec(city, Command::RecordAssessment(draft)).await
    }

    /// A sourced contact, recorded by the city whose initiative it was: the
    /// one that travelled or organised it (an inbound contact of the
    /// initiator is the counterpart's outbound one, once the counterpart is
    /// party to the partnership), with its follow-up.
    pub(super) async fn record_contact(&mut self, i: usize) -> Result<()> {
        let p = self.p;
        let c = &p.contacts[i];
        let contact = id("contact", &format!("{}:{i}", p.key)).into();
        let levels = Levels {
            political: c.political,
            technical: c.technical,
        };
        let party = self.agg()?.snapshot().counterpart;
        let (by, direction) = match (c.direction, party) {
            (ContactDirection::Inbound, Some(counterpart)) => {
                (counterpart, ContactDirection::Outbound)
            }
            (direction, _) => (self.initiator, direction),
        };
        let draft = ContactDraft {
            id: contact,
            on: c.on,
            kind: c.kind,
            direction,
            ours: levels,
            theirs: levels,
            outcome: format!("{}\nSource: {}", c.outcome, c.source),
            follow_up_due: c.follow_up_due,
            joint: c.joint,
        };
        self.exec(by, Command::RecordContact(draft)).await?;
        if let Some(on) = c.followed_up_on {
            let note = format!("Followed up, as the sources report. Source: {}", c.source);
            self.exec(by, Command::RecordFollowUp { contact, on, note })
                .await?;
        }
        Ok(())
    }

    /// A sourced agreement and its signature by both cities; undated
    /// signatures are dated with the step and say so.
    pub(super) async fn record_agreement(&mut self, i: usize, stop: &Stop) -> Result<()> {
        let p = self.p;
        let a = &p.agreements[i];
        let agreement = id("agreement", &a.key).into();
        let draft = AgreementDraft {
            id: agreement,
            kind: a.kind,
            title: a.title.clone(),
            areas: a.areas.clone(),
            binding: a.binding,
            text: Some(a.summary.clone()),
            reference: Some(a.source.clone()),
            valid_until: a.valid_until,
            renewal_of: a.renewal_of.as_deref().map(|k| id("agreement", k).into()),
        };
        self.exec(self.initiator, Command::RecordAgreement(draft))
            .await?;
        let (on, reference) = match a.signed_on {
            Some(on) => (on, None),
            None => {
                let on = a
                    .valid_until
                    .map_or(stop.date(), |until| until.min(stop.date()));
                (
                    on,
                    Some(format!(
                        "{FILLER} the sources give no signing date; signed here on {on}, \
                         the date of the step"
                    )),
                )
            }
        };
        for city in self.parties() {
            let by = format!("{} (signatory not named in the sources)", self.name(city));
            self.exec(
                city,
                Command::SignAgreement {
                    agreement,
                    by,
                    on,
                    reference: reference.clone(),
                },
            )
            .await?;
        }
        Ok(())
    }

    /// The first priorities, agreed by both cities on the first signing.
    pub(super) async fn record_priorities(&mut self, stop: &Stop) -> Result<()> {
        let p = self.p;
        let on = p
            .agreements
            .iter()
            .filter_map(|a| a.signed_on)
            .min()
            .unwrap_or(stop.date());
        for city in self.parties() {
            let by = truncate(&format!("{}; source: {}", self.name(city), p.source), 300);
            for area in &p.first_priorities {
                self.exec(
                    city,
                    Command::AgreePriority {
                        area: *area,
                        by: by.clone(),
                        on,
                    },
                )
                .await?;
            }
        }
        Ok(())
    }

    /// `PARTNER_ASSESSMENT`: the latest assessment of the counterpart again
    /// (its sourced answers kept), with, in each group of Figure 9 that has
    /// no item met or not met, one item assumed met, and every other item
    /// not assessed answered unknown. Every filler answer says so.
    pub(super) async fn fill_assessment(&mut self, on: NaiveDate) -> Result<()> {
        use strum::IntoEnumIterator;
        let candidate = self.counterpart.ok_or_else(|| anyhow!("no counterpart"))?;
        let latest = self
            .outputs()?
            .assessments
            .iter()
            .filter(|a| a.candidate == candidate)
            .max_by_key(|a| (a.on, a.recorded_at))
            .cloned();
        let mut items: Vec<AssessmentItem> =
            latest.as_ref().map(|a| a.items.clone()).unwrap_or_default();
        for group in CriterionGroup::iter() {
            let decided = items
                .iter()
                .any(|i| i.criterion.group() == group && i.answer != Answer::Unknown);
            if !decided {
                let (criterion, why) = self.assumed(group)?;
                items.retain(|i| i.criterion != criterion);
                items.push(AssessmentItem {
                    criterion,
                    answer: Answer::Met,
                    note: format!("{FILLER} assumed met: {why}."),
                });
            }
        }
        for criterion in SelectionCriterion::iter() {
            if !items.iter().any(|i| i.criterion == criterion) {
                items.push(AssessmentItem {
                    criterion,
                    answer: Answer::Unknown,
                    note: format!("{FILLER} the sources do not assess this criterion."),
                });
            }
        }
        let draft = AssessmentDraft {
            id: self.filler(),
            candidate,
            on: latest.map_or(on, |a| a.on.max(on)),
            items,
        };
        self.fill(self.initiator, Command::RecordAssessment(draft))
            .await
    }

    /// The item of a Figure 9 group a filler assessment assumes met, and why
    /// the partnership's record suggests it.
    fn assumed(&self, group: CriterionGroup) -> Result<(SelectionCriterion, String)> {
        use SelectionCriterion::*;
        let p = self.p;
        Ok(match group {
            CriterionGroup::Potential => (
                RepresentsCity,
                "the counterpart is the city or region itself, as the partnership names it"
                    .to_owned(),
            ),
            CriterionGroup::Opportunity => match p.relations_since {
                Some(since) if p.agreements.is_empty() => (
                    HistoricalBasis,
                    format!("the sources date the relations back to {since}"),
                ),
                _ => (
                    MouSignedOrIntended,
                    "an agreement between the cities is recorded or implied by the later steps"
                        .to_owned(),
                ),
            },
            CriterionGroup::Similarity => (
                SharedAims,
                "the cities agree first priority areas for the partnership".to_owned(),
            ),
            CriterionGroup::Willingness => (
                PeerToPeer,
                "both cities take part in the partnership's activities".to_owned(),
            ),
        })
    }

    /// `PARTNER_PRIORITY`: the first area of the agreements or of the
    /// strategy, agreed by each party that has not.
    pub(super) async fn fill_priority(&mut self, on: NaiveDate) -> Result<()> {
        let area = self
            .p
            .agreements
            .iter()
            .flat_map(|a| a.areas.iter().copied())
            .chain(
                self.agg()?
                    .snapshot()
                    .standing
                    .strategy
                    .iter()
                    .flat_map(|s| s.themes.iter().copied()),
            )
            .next()
            .unwrap_or(Area::EconomyTrade);
        for city in self.parties() {
            if !self
                .outputs()?
                .priorities
                .iter()
                .any(|x| x.city == city && x.area == area)
            {
                let by = format!(
                    "{} ({FILLER} no first priority is documented)",
                    self.name(city)
                );
                self.fill(city, Command::AgreePriority { area, by, on })
                    .await?;
            }
        }
        Ok(())
    }

    /// `PARTNER_AGREEMENT`: a placeholder framework agreement, signed by both.
    pub(super) async fn fill_agreement(&mut self, on: NaiveDate) -> Result<()> {
        let agreement = self.filler();
        let draft = AgreementDraft {
            id: agreement,
            kind: AgreementKind::Framework,
            title: "Placeholder framework agreement (demo filler)".into(),
            areas: self.p.first_priorities.clone(),
            binding: false,
            text: Some(format!(
                "{FILLER} the sources name no agreement for this partnership. This \
                 placeholder stands for the framework its later steps imply, so that \
                 the demo can walk it past PARTNER."
            )),
            reference: Some(format!("{FILLER} placeholder agreement")),
            valid_until: None,
            renewal_of: None,
        };
        self.fill(self.initiator, Command::RecordAgreement(draft))
            .await?;
        for city in self.parties() {
            let by = format!("{} (demo filler)", self.name(city));
            let reference = Some(format!("{FILLER} placeholder signature"));
            self.fill(
                city,
                Command::SignAgreement {
                    agreement,
                    by,
                    on,
                    reference,
                },
            )
            .await?;
        }
        Ok(())
    }
}
