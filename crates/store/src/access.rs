//! Who may see and change what (DESIGN §8), as methods of an [`Account`]:
//! the one copy of the access rules that the GraphQL gateway and the web app
//! both ask. Refusals are the domain's `FORBIDDEN` errors.

use crate::Actor;
use crate::accounts::{Account, Role};
use c2c_domain::{CityId, DomainError, Partnership};

impl Account {
    /// A platform operator.
    pub fn is_operator(&self) -> bool {
        self.role == Role::Operator
    }

    /// Whether the account may see a partnership: operators see all, city
    /// accounts those their city is party to.
    pub fn can_see(&self, p: &Partnership) -> bool {
        self.is_operator() || self.city.is_some_and(|c| p.is_party(c))
    }

    /// Whether the account may see a city's strategy and commitment: its own
    /// city's, or any for an operator.
    pub fn can_see_standing_of(&self, city: CityId) -> bool {
        self.is_operator() || self.city == Some(city)
    }

    /// The actor of a change of a city's outputs: only editors act, for their
    /// own city. Operators never change a city's outputs.
    pub fn editor(&self) -> Result<Actor, DomainError> {
        match (self.role, self.city) {
            (Role::Editor, Some(city)) => Ok(Actor {
                account: self.id,
                city,
            }),
            (Role::Operator, _) => Err(DomainError::forbidden(
                "operators do not change a city's outputs",
            )),
            _ => Err(DomainError::forbidden(
                "a viewer account cannot change anything",
            )),
        }
    }

    /// Fails unless the account is an operator.
    pub fn operator(&self) -> Result<(), DomainError> {
        if self.is_operator() {
            Ok(())
        } else {
            Err(DomainError::forbidden(
                "only platform operators can do this",
            ))
        }
    }
}
