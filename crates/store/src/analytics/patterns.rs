//! Two failure patterns of DESIGN §12 that the alerts do not cover: key
//! contacts that change without notice (`contactPersonChanges`) and one side
//! doing all the initiative (`oneSidedPartnerships`). One statement each.

use super::common::{Page, Paged, Scope, day_of, one, p};
use crate::Store;
use crate::aggregate::act::{adjustment, approval};
use crate::aggregate::agreements::signature;
use crate::aggregate::contacts::contact;
use crate::aggregate::delivery::{progress_report, risk};
use crate::aggregate::measure::{evaluation, feedback, measurement};
use crate::aggregate::persons::{PERSON_COLUMNS, PersonChange, contact_person, person_change_from};
use crate::aggregate::priorities::first_priority;
use crate::aggregate::replicate::lesson;
use crate::aggregate::row::partnership;
use crate::convert::{get, to_e4};
use crate::error::Result;
use c2c_domain::{CityId, PartnershipId};
use chrono::{Duration, NaiveDate};
use rust_decimal::Decimal;
use sea_orm::DbBackend;
use sea_orm::sea_query::{
    Asterisk, Expr, ExprTrait, Func, IntoIden, JoinType, Order, Query, SelectStatement, UnionType,
};

/// A partnership where one city recorded most of what happened.
#[derive(Debug, Clone, PartialEq)]
pub struct OneSided {
    /// The partnership.
    pub partnership: PartnershipId,
    /// The initiator.
    pub initiator: CityId,
    /// The counterpart.
    pub counterpart: CityId,
    /// The items the initiator recorded in the period.
    pub initiator_items: u64,
    /// The items the counterpart recorded in the period.
    pub counterpart_items: u64,
    /// The larger city's share of the items, from 0.5 to 1.
    pub share: f64,
}

/// The changes of contact persons dated in `(after, as_of]`: a person who
/// started when the city had already named someone for the partnership, or
/// a person who left.
fn changes(scope: Scope, (after, as_of): (NaiveDate, NaiveDate)) -> SelectStatement {
    use contact_person::Column as C;
    let cp = |column: C| Expr::col(("cp", column));
    let branch = |kind: &str, on: C, announced: C| {
        Query::select()
            .exprs(PERSON_COLUMNS.map(cp))
            .expr_as(Expr::val(kind), "change")
            .expr_as(cp(on), "change_on")
            .expr_as(cp(announced), "change_announced")
            .from_as(contact_person::Entity, "cp")
            .and_where(cp(on).gt(after))
            .and_where(cp(on).lte(as_of))
            .to_owned()
    };
    let earlier = Query::select()
        .expr(one())
        .from_as(contact_person::Entity, "q")
        .and_where(Expr::col(("q", C::PartnershipId)).equals(("cp", C::PartnershipId)))
        .and_where(Expr::col(("q", C::CityId)).equals(("cp", C::CityId)))
        .and_where(Expr::col(("q", C::FromOn)).lt(Expr::col(("cp", C::FromOn))))
        .to_owned();
    let mut started = branch("STARTED", C::FromOn, C::Announced);
    started.and_where(Expr::exists(earlier));
    let mut ended = branch("ENDED", C::UntilOn, C::UntilAnnounced);
    ended.and_where(cp(C::UntilOn).is_not_null());
    started.union(UnionType::All, ended);
    let x = |column: &str| Expr::col(("x", column.to_owned()));
    let mut q = Query::select();
    for column in PERSON_COLUMNS {
        q.expr(Expr::col(("x", column)));
    }
    q.exprs([x("change"), x("change_on"), x("change_announced")])
        .from_subquery(started, "x")
        .inner_join(
            partnership::Entity,
            p(partnership::Column::Id).equals(("x", C::PartnershipId)),
        );
    scope.restrict(&mut q);
    q.order_by(("x", "change_on"), Order::Asc)
        .order_by(("x", "change"), Order::Desc)
        .order_by(("x", C::Id), Order::Asc);
    q
}

/// `SELECT <partnership> AS partnership_id, <city> AS city_id, <on> AS d
/// FROM <table>`: one kind of item, by the date it happened and the city
/// that recorded it.
fn item<T: IntoIden>(table: T, partnership: Expr, city: Expr, on: Expr) -> SelectStatement {
    Query::select()
        .expr_as(partnership, "partnership_id")
        .expr_as(city, "city_id")
        .expr_as(on, "d")
        .from(table)
        .to_owned()
}

/// Every dated item of every partnership: contacts, follow-ups, signatures,
/// first priorities, progress reports, risks, measurements (by the end of
/// their period), feedback, evaluations, decisions, approvals, lessons,
/// contact persons (by their start). Risks and lessons are dated by the day
/// they were recorded.
fn items(backend: DbBackend) -> SelectStatement {
    let mut all = item(
        contact::Entity,
        Expr::col(contact::Column::PartnershipId),
        Expr::col(contact::Column::CityId),
        Expr::col(contact::Column::HappenedOn),
    );
    let mut followed = item(
        contact::Entity,
        Expr::col(contact::Column::PartnershipId),
        Func::coalesce([
            Expr::col(contact::Column::FollowUpCityId),
            Expr::col(contact::Column::CityId),
        ])
        .into(),
        Expr::col(contact::Column::FollowedUpOn),
    );
    followed.and_where(Expr::col(contact::Column::FollowedUpOn).is_not_null());
    let mut decided = item(
        adjustment::Entity,
        Expr::col(adjustment::Column::PartnershipId),
        Expr::col(adjustment::Column::DecisionCityId),
        Expr::col(adjustment::Column::DecidedOn),
    );
    decided.and_where(Expr::col(adjustment::Column::DecidedOn).is_not_null());
    all.unions(
        [
            followed,
            item(
                signature::Entity,
                Expr::col(signature::Column::PartnershipId),
                Expr::col(signature::Column::CityId),
                Expr::col(signature::Column::SignedOn),
            ),
            item(
                first_priority::Entity,
                Expr::col(first_priority::Column::PartnershipId),
                Expr::col(first_priority::Column::CityId),
                Expr::col(first_priority::Column::AgreedOn),
            ),
            item(
                progress_report::Entity,
                Expr::col(progress_report::Column::PartnershipId),
                Expr::col(progress_report::Column::CityId),
                Expr::col(progress_report::Column::ReportedOn),
            ),
            item(
                risk::Entity,
                Expr::col(risk::Column::PartnershipId),
                Expr::col(risk::Column::CityId),
                day_of(backend, Expr::col(risk::Column::RecordedAt)),
            ),
            item(
                measurement::Entity,
                Expr::col(measurement::Column::PartnershipId),
                Expr::col(measurement::Column::CityId),
                Expr::col(measurement::Column::PeriodEnd),
            ),
            item(
                feedback::Entity,
                Expr::col(feedback::Column::PartnershipId),
                Expr::col(feedback::Column::CityId),
                Expr::col(feedback::Column::GivenOn),
            ),
            item(
                evaluation::Entity,
                Expr::col(evaluation::Column::PartnershipId),
                Expr::col(evaluation::Column::CityId),
                Expr::col(evaluation::Column::EvaluatedOn),
            ),
            decided,
            item(
                approval::Entity,
                Expr::col(approval::Column::PartnershipId),
                Expr::col(approval::Column::CityId),
                Expr::col(approval::Column::ApprovedOn),
            ),
            item(
                lesson::Entity,
                Expr::col(lesson::Column::PartnershipId),
                Expr::col(lesson::Column::CityId),
                day_of(backend, Expr::col(lesson::Column::RecordedAt)),
            ),
            item(
                contact_person::Entity,
                Expr::col(contact_person::Column::PartnershipId),
                Expr::col(contact_person::Column::CityId),
                Expr::col(contact_person::Column::FromOn),
            ),
        ]
        .map(|q| (UnionType::All, q)),
    );
    all
}

/// Partnerships in scope with at least `min_items` items dated in
/// `(after, as_of]`, where one city recorded at least `share_e4` / 10 000 of
/// them; the most one-sided first.
fn one_sided(
    backend: DbBackend,
    scope: Scope,
    (after, as_of): (NaiveDate, NaiveDate),
    (share_e4, min_items): (i64, u32),
) -> SelectStatement {
    let x = |column: &str| Expr::col(("x", column.to_owned()));
    let by = |city: partnership::Column| -> Expr {
        Func::sum(
            Expr::case(
                x("city_id").equals((partnership::Entity, city)),
                Expr::val(1),
            )
            .finally(Expr::val(0)),
        )
        .into()
    };
    let (a, b) = (
        || by(partnership::Column::InitiatorId),
        || by(partnership::Column::CounterpartId),
    );
    let larger = || -> Expr { Expr::case(a().gte(b()), a()).finally(b()).into() };
    let n = || Expr::col(Asterisk).count();
    let mut q = Query::select();
    q.expr(p(partnership::Column::Id))
        .expr(p(partnership::Column::InitiatorId))
        .expr(p(partnership::Column::CounterpartId))
        .expr_as(a(), "a")
        .expr_as(b(), "b")
        .from(partnership::Entity)
        .join_subquery(
            JoinType::InnerJoin,
            items(backend),
            "x",
            x("partnership_id").equals((partnership::Entity, partnership::Column::Id)),
        )
        .and_where(x("d").gt(after))
        .and_where(x("d").lte(as_of))
        .and_where(p(partnership::Column::CounterpartId).is_not_null());
    scope.restrict(&mut q);
    q.group_by_columns([
        (partnership::Entity, partnership::Column::Id),
        (partnership::Entity, partnership::Column::InitiatorId),
        (partnership::Entity, partnership::Column::CounterpartId),
    ])
    .and_having(n().gte(i64::from(min_items)))
    .and_having(larger().mul(10_000).gte(n().mul(share_e4)))
    .order_by_expr(
        Func::cast_as(larger(), "DOUBLE PRECISION").div(n()),
        Order::Desc,
    )
    .order_by_expr(n(), Order::Desc)
    .order_by((partnership::Entity, partnership::Column::Id), Order::Asc);
    q
}

impl Store {
    /// The changes of contact persons dated in the `within_days` days up to
    /// `as_of`: a person who started when the city had already named someone
    /// for that partnership, or a person who left; with whether the
    /// counterpart was told. By date, a page of them (one statement).
    pub async fn contact_person_changes(
        &self,
        scope: Scope,
        within_days: u32,
        as_of: NaiveDate,
        page: Page,
    ) -> Result<Paged<PersonChange>> {
        let after = as_of - Duration::days(i64::from(within_days));
        let mut q = changes(scope, (after, as_of));
        self.page(&mut q, page, person_change_from).await
    }

    /// Partnerships with at least `min_items` items dated in the `since_days`
    /// days up to `as_of` where one city recorded at least `min_share` of
    /// them, the most one-sided first, a page of them (one statement). An
    /// item is anything a city records that happened on a date: see
    /// [`items`].
    pub async fn one_sided_partnerships(
        &self,
        scope: Scope,
        (min_share, min_items): (Decimal, u32),
        (since_days, as_of): (u32, NaiveDate),
        page: Page,
    ) -> Result<Paged<OneSided>> {
        let after = as_of - Duration::days(i64::from(since_days));
        let mut q = one_sided(
            self.backend(),
            scope,
            (after, as_of),
            (to_e4(min_share)?, min_items),
        );
        self.page(&mut q, page, |r| {
            let a = u64::try_from(get::<i64>(r, "a")?).unwrap_or(0);
            let b = u64::try_from(get::<i64>(r, "b")?).unwrap_or(0);
            let total = std::cmp::max(a + b, 1) as f64;
            Ok(OneSided {
                partnership: PartnershipId(get(r, "id")?),
                initiator: CityId(get(r, "initiator_id")?),
                counterpart: CityId(get(r, "counterpart_id")?),
                initiator_items: a,
                counterpart_items: b,
                share: std::cmp::max(a, b) as f64 / total,
            })
        })
        .await
    }
}
