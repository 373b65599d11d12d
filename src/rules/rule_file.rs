//! The `RuleFile` every check kind reads: the header all rules share (`extends`, `level`,
//! `message`, `help`) and the kind's own parameters, in one strict struct.
//!
//! serde cannot combine `flatten` with `deny_unknown_fields`, and unknown keys must be errors,
//! so a macro writes the struct out for each kind instead of each kind copying it.

/// `rule_file!(Weekday { #[serde(default = "yes")] check_publication_years: bool })` defines
/// `RuleFile` with those parameters and `into_parts`, which builds `Check::Weekday(Params {…})`.
/// The kind's `Params` must have the same fields.
macro_rules! rule_file {
    ($variant:ident { $( $(#[$attr:meta])* $field:ident : $ty:ty ),* $(,)? }) => {
        /// A rule file of this kind as written.
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub(crate) struct RuleFile {
            #[allow(
                dead_code,
                reason = "read by the kind probe; listed so the strict schema accepts it"
            )]
            extends: String,
            level: $crate::finding::Level,
            message: serde_saphyr::Spanned<String>,
            #[serde(default)]
            help: Option<serde_saphyr::Spanned<String>>,
            $( $(#[$attr])* $field: $ty, )*
        }

        impl RuleFile {
            pub(crate) fn into_parts(
                self,
            ) -> ($crate::rules::kind::RuleHeader, $crate::rules::kind::Check) {
                let header = $crate::rules::kind::RuleHeader {
                    level: self.level,
                    message: self.message,
                    help: self.help,
                };
                let params = Params { $( $field: self.$field, )* };
                (header, $crate::rules::kind::Check::$variant(params))
            }
        }
    };
}
