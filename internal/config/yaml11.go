package config

// YAML for other tools is read by YAML 1.1 parsers too (CloudFormation's
// among them), and YAML 1.1 types far more plain scalars than 1.2 does:
// y/n/yes/no/on/off are booleans, 0b101, 017 and 0x1F are integers, 12:30
// is the sexagesimal 750, 2001-12-14 is a timestamp, << is a merge key.
// yaml.v3 quotes only what 1.2 would mistype, so MarshalDocument quotes
// these as well. The patterns are wider than the 1.1 type definitions
// (booleans and nulls in any case, 1.2's 0o octal, exponents without a
// dot) so that no common reader gets another type.
// https://yaml.org/type/bool.html https://yaml.org/type/int.html
// https://yaml.org/type/float.html https://yaml.org/type/timestamp.html
var yaml11NonString = lazyRegexp(`(?i)^(?:` +
	`y|n|yes|no|on|off|true|false|` + // bool
	`~|null|` + // null
	`[-+]?0b[01_]+|[-+]?0o?[0-7_]+|[-+]?0x[0-9a-f_]+|[-+]?[0-9][0-9_]*|` + // int in every base
	`[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|` + // sexagesimal int and float
	`[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:e[-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?:\.[0-9_]*)?e[-+]?[0-9]+|` + // float
	`[-+]?\.inf|\.nan|` +
	`[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[t \t].*)?|` + // timestamp
	`<<|=` + // merge and value keys
	`)$`)

// ReadsAsNonString11 reports whether a plain (unquoted) YAML scalar s would
// be read by a YAML 1.1 parser as something other than a string.
func ReadsAsNonString11(s string) bool { return yaml11NonString().MatchString(s) }
