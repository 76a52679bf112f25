//! Test harness: a fresh database per test (PostgreSQL: `CREATE DATABASE
//! "<uuid>"`, SQLite: a new file), the real migrations, and a driver that runs
//! the domain fixtures' actions through the store.

use c2c_domain::criteria;
use c2c_domain::fixtures::{Action, Side, World};
use c2c_domain::{AccountId, CityDraft, CityId, CityLevel, Move, Partnership, PartnershipId, Step};
pub use c2c_store::testing::TestDb;
use c2c_store::{Actor, Recorded, Role, Store, StoreError};
use uuid::Uuid;

/// The fixtures' world of two cities, set up in a store, and a partnership
/// driven through it.
pub struct Drive {
    pub w: World,
    pub store: Store,
    pub id: PartnershipId,
    pub last: Partnership,
    /// Every event the store returned, in order.
    pub recorded: Vec<Recorded>,
    /// Whether to check after each change that the stored aggregate reads back
    /// equal to the one the domain produced.
    pub check_round_trip: bool,
}

fn city(name: &str, country: &str) -> CityDraft {
    CityDraft {
        name: name.into(),
        level: Some(CityLevel::City),
        country: country.into(),
        time_zone: "Europe/Stockholm".into(),
        ..CityDraft::default()
    }
}

/// Creates the world's cities, stakeholders and accounts in the store.
pub async fn set_up(store: &Store, w: &World) {
    store
        .create_city(w.initiator(), city("Gothenburg", "SE"))
        .await
        .unwrap();
    store
        .create_city(w.counterpart, city("Shanghai", "CN"))
        .await
        .unwrap();
    for s in w
        .standing
        .stakeholders
        .iter()
        .chain(w.counterpart_stakeholders.iter())
    {
        store
            .add_stakeholder(s.id, s.city, &s.name, s.sector, s.involvement)
            .await
            .unwrap();
    }
    store
        .create_account(
            w.initiator_actor,
            "Initiator editor",
            Role::Editor,
            Some(w.initiator()),
        )
        .await
        .unwrap();
    store
        .create_account(
            w.counterpart_actor,
            "Counterpart editor",
            Role::Editor,
            Some(w.counterpart),
        )
        .await
        .unwrap();
}

impl Drive {
    /// A world set up in the store and a partnership started at `at` (a
    /// complete standing is recorded first when starting at Partner).
    pub async fn start(store: &Store, at: Step) -> Drive {
        let w = World::new();
        set_up(store, &w).await;
        let initiator = actor_of(&w, Side::Initiator);
        if at == Step::Partner {
            store
                .record_strategy(initiator, w.strategy_draft())
                .await
                .unwrap();
            store
                .record_commitment(initiator, w.commitment_draft())
                .await
                .unwrap();
        }
        let r = store.start(initiator, at, None, None).await.unwrap();
        Drive {
            w,
            store: store.clone(),
            id: r.partnership.id(),
            last: r.partnership.clone(),
            recorded: vec![r],
            check_round_trip: true,
        }
    }

    pub fn actor(&self, side: Side) -> Actor {
        actor_of(&self.w, side)
    }

    /// The partnership as stored.
    pub async fn load(&self) -> Partnership {
        self.store.partnership(self.id).await.unwrap()
    }

    /// Performs one action through the store.
    pub async fn perform(&mut self, action: Action) -> Result<(), StoreError> {
        match action {
            Action::Strategy(d) => {
                self.store
                    .record_strategy(self.actor(Side::Initiator), d)
                    .await?;
            }
            Action::Commitment(d) => {
                self.store
                    .record_commitment(self.actor(Side::Initiator), d)
                    .await?;
            }
            Action::Do(side, command) => {
                let reads = command.reads();
                let r = self
                    .store
                    .execute(self.actor(side), self.id, None, None, command)
                    .await?;
                let stored = self.load().await;
                if self.check_round_trip {
                    // A command that read part of the aggregate answers that
                    // part, with the change applied.
                    let read = if r.whole {
                        stored.clone()
                    } else {
                        as_read(&stored, &reads)
                    };
                    assert_same(&read, &r.partnership, &r.event.kind);
                }
                self.last = stored;
                self.recorded.push(r);
            }
        }
        Ok(())
    }

    /// A move by the initiator.
    pub async fn mv(&mut self, m: Move) -> Result<Recorded, StoreError> {
        let r = self
            .store
            .execute(
                self.actor(Side::Initiator),
                self.id,
                None,
                None,
                c2c_domain::Command::Move(m),
            )
            .await?;
        self.last = self.load().await;
        self.recorded.push(r.clone());
        Ok(r)
    }

    /// Records what meets every criterion of the current step.
    pub async fn complete(&mut self) {
        for _ in 0..64 {
            let p = self.load().await;
            let today = chrono::Utc::now().date_naive();
            let unmet = criteria::unmet(p.state().step, p.snapshot(), today);
            let Some(first) = unmet.first() else {
                return;
            };
            for action in self.w.fixes(&p, first.criterion) {
                self.perform(action).await.unwrap();
            }
        }
        panic!("the step's criteria do not converge");
    }

    /// Completes and advances until the partnership is at `step`.
    pub async fn drive_to(&mut self, step: Step) {
        while self.load().await.state().step != step {
            self.complete().await;
            self.mv(Move::Advance).await.unwrap();
        }
    }
}

/// What a command that reads `reads` sees of a partnership.
pub fn as_read(p: &Partnership, reads: &c2c_domain::Reads) -> Partnership {
    let mut s = p.snapshot().clone();
    s.standing = c2c_domain::Standing::empty(s.initiator);
    s.counterpart_stakeholders = Vec::new();
    s.outputs = reads.keep(&s.outputs);
    Partnership::restore(s)
}

/// Compares two aggregates, ignoring the order of lists whose order the store
/// does not keep (rows recorded in the same microsecond).
pub fn assert_same(stored: &Partnership, expected: &Partnership, after: &str) {
    let norm = |p: &Partnership| {
        let mut s = p.snapshot().clone();
        s.outputs.assessments.sort_by_key(|a| a.id);
        s.outputs.contacts.sort_by_key(|a| a.id);
        s.outputs.contact_persons.sort_by_key(|a| a.id);
        s.outputs.agreements.sort_by_key(|a| a.id);
        for a in &mut s.outputs.agreements {
            a.signatures.sort_by_key(|x| x.city);
        }
        s.outputs.priorities.sort_by_key(|a| (a.area, a.city));
        if let Some(plan) = &mut s.outputs.plan {
            for a in &mut plan.activities {
                a.teams.sort_by_key(|t| t.city);
                a.progress.sort_by_key(|r| r.id);
                a.risks.sort_by_key(|r| r.id);
            }
        }
        s.outputs.selections.sort_by_key(|a| a.id);
        s.outputs.measurements.sort_by_key(|a| a.id);
        s.outputs.feedback.sort_by_key(|a| a.id);
        s.outputs.evaluations.sort_by_key(|a| a.id);
        s.outputs.adjustments.sort_by_key(|a| a.id);
        s.outputs
            .approvals
            .sort_by_key(|a| (a.subject.code(), a.version, a.cycle, a.city));
        s.outputs.lessons.sort_by_key(|a| a.id);
        s.outputs.ex_post.sort_by_key(|a| (a.objective, a.cycle));
        s.standing.stakeholders.sort_by_key(|x| x.id);
        s.counterpart_stakeholders.sort_by_key(|x| x.id);
        s
    };
    assert_eq!(
        norm(stored),
        norm(expected),
        "the stored aggregate differs after {after}"
    );
}

/// The actor of a side of the world.
pub fn actor_of(w: &World, side: Side) -> Actor {
    match side {
        Side::Initiator => Actor {
            account: w.initiator_actor,
            city: w.initiator(),
        },
        Side::Counterpart => Actor {
            account: w.counterpart_actor,
            city: w.counterpart,
        },
    }
}

/// A city, a stakeholder-less editor account: for tests that need a third city.
pub async fn another_city(store: &Store, name: &str) -> (CityId, AccountId) {
    let city_id = CityId(Uuid::new_v4());
    store.create_city(city_id, city(name, "PL")).await.unwrap();
    let account = AccountId(Uuid::new_v4());
    store
        .create_account(
            account,
            &format!("{name} editor"),
            Role::Editor,
            Some(city_id),
        )
        .await
        .unwrap();
    (city_id, account)
}

pub use c2c_store::on_both_backends;
