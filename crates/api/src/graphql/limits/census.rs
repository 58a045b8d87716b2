//! Counting the fields and aliases of a parsed document, fragments expanded, without ever
//! doing more work than the limits allow: the count stops as soon as one is exceeded, so a
//! document whose fragments spread each other exponentially costs no more to refuse than a
//! flat one.

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};

use super::{LimitExceeded, QueryLimits};

/// Work allowed per field the limits let through: a fragment spread or inline fragment that
/// selects no field of its own still costs a step, so chains and cycles of spreads end too.
const STEPS_PER_FIELD: usize = 4;

/// Running totals over one document.
struct Census<'a> {
    document: &'a ExecutableDocument,
    limits: QueryLimits,
    fields: usize,
    aliases: usize,
    steps: usize,
}

/// Checks every operation of `document` against the alias and field limits.
pub(super) fn check(
    document: &ExecutableDocument,
    limits: QueryLimits,
) -> Result<(), LimitExceeded> {
    let mut census = Census {
        document,
        limits,
        fields: 0,
        aliases: 0,
        steps: 0,
    };
    for (_, operation) in document.operations.iter() {
        census.visit(&operation.node.selection_set.node, 0, false)?;
    }
    Ok(())
}

impl Census<'_> {
    /// Counts `set`, whose fields sit at `depth + 1`; `introspecting` inside `__schema` and
    /// `__type`, whose nesting follows the schema's own (finite) type references, so a client
    /// asking for the full schema is not refused for depth.
    fn visit(
        &mut self,
        set: &SelectionSet,
        depth: usize,
        introspecting: bool,
    ) -> Result<(), LimitExceeded> {
        for selection in &set.items {
            self.step()?;
            match &selection.node {
                Selection::Field(field) => {
                    self.fields += 1;
                    if self.fields > self.limits.max_fields {
                        return Err(LimitExceeded::Fields {
                            actual: self.fields,
                            maximum: self.limits.max_fields,
                        });
                    }
                    if field.node.alias.is_some() {
                        self.aliases += 1;
                        if self.aliases > self.limits.max_aliases {
                            return Err(LimitExceeded::Aliases {
                                actual: self.aliases,
                                maximum: self.limits.max_aliases,
                            });
                        }
                    }
                    let depth = depth + 1;
                    if !introspecting && depth > self.limits.max_depth {
                        return Err(LimitExceeded::Depth {
                            actual: depth,
                            maximum: self.limits.max_depth,
                        });
                    }
                    let introspecting = introspecting || field.node.name.node.starts_with("__");
                    self.visit(&field.node.selection_set.node, depth, introspecting)?;
                }
                Selection::FragmentSpread(spread) => {
                    // An unknown fragment is reported by validation, which runs next.
                    if let Some(fragment) =
                        self.document.fragments.get(&spread.node.fragment_name.node)
                    {
                        self.visit(&fragment.node.selection_set.node, depth, introspecting)?;
                    }
                }
                Selection::InlineFragment(inline) => {
                    self.visit(&inline.node.selection_set.node, depth, introspecting)?;
                }
            }
        }
        Ok(())
    }

    /// Counts one step of the walk; past the budget the document is refused as too large.
    fn step(&mut self) -> Result<(), LimitExceeded> {
        self.steps += 1;
        let budget = self
            .limits
            .max_fields
            .saturating_mul(STEPS_PER_FIELD)
            .saturating_add(1);
        if self.steps > budget {
            return Err(LimitExceeded::Fields {
                actual: self.fields.max(self.limits.max_fields + 1),
                maximum: self.limits.max_fields,
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn census(query: &str) -> Result<(), LimitExceeded> {
        let limits = QueryLimits {
            max_fields: 10,
            max_aliases: 2,
            ..QueryLimits::default()
        };
        check(&parse_query(query).unwrap(), limits)
    }

    #[test]
    fn fragments_count_once_per_spread() {
        assert_eq!(
            census("{ a b ...F ...F } fragment F on Q { c d e }"),
            Ok(())
        );
        assert!(matches!(
            census("{ a ...F ...F ...F } fragment F on Q { c d e f }"),
            Err(LimitExceeded::Fields { maximum: 10, .. })
        ));
    }

    #[test]
    fn aliases_are_counted_inside_fragments() {
        assert_eq!(census("{ x: a y: b }"), Ok(()));
        assert_eq!(
            census("{ x: a ... on Q { y: b z: c } }"),
            Err(LimitExceeded::Aliases {
                actual: 3,
                maximum: 2
            })
        );
    }

    #[test]
    fn depth_counts_fields_through_fragments_but_not_introspection() {
        let limits = QueryLimits {
            max_depth: 3,
            ..QueryLimits::default()
        };
        let check = |query: &str| check(&parse_query(query).unwrap(), limits);
        assert_eq!(check("{ a { b { c } } }"), Ok(()));
        assert_eq!(
            check("{ a { ...F } } fragment F on Q { b { c { d } } }"),
            Err(LimitExceeded::Depth {
                actual: 4,
                maximum: 3
            })
        );
        assert_eq!(
            check("{ __schema { types { fields { type { ofType { ofType { name } } } } } } }"),
            Ok(())
        );
    }

    #[test]
    fn cycles_and_empty_chains_end() {
        assert!(census("{ ...A } fragment A on Q { ...A }").is_err());
        let exponential = (1..40)
            .map(|n| format!("fragment F{n} on Q {{ ...F{m} ...F{m} }}", m = n - 1))
            .collect::<String>();
        assert!(
            census(&format!(
                "{{ ...F39 }} fragment F0 on Q {{ a }} {exponential}"
            ))
            .is_err()
        );
    }
}
