package config

import "fmt"

// Validate runs every offline rule over c and returns all issues found.
func Validate(c *Config) []Issue { return nil }

// CheckValue runs the single-value rule named rule (e.g. "domain_prefix")
// over value; the wizard validates answers with it.
func CheckValue(rule, value string) error {
	return fmt.Errorf("config: unknown rule %q", rule)
}

// RuleNames lists the names CheckValue accepts.
func RuleNames() []string { return nil }
