package config

import (
	"fmt"
	"strconv"
	"strings"
)

// Duration is a token lifetime with its unit, written as 30m, 1h, 30d or
// 3600s. Keeping the unit (instead of seconds only) maps straight onto
// Cognito's value + TokenValidityUnits pair and keeps the file as written.
// The zero Duration means "unset" (Cognito's default applies).
type Duration struct {
	Value int
	// Unit is one of s, m, h, d.
	Unit string
}

// Token validity units as Cognito names them.
var unitNames = map[string]string{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}

var unitSeconds = map[string]int64{"s": 1, "m": 60, "h": 3600, "d": 86400}

// ParseDuration reads "30m", "1h", "30d" or "3600s".
func ParseDuration(s string) (Duration, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 {
		return Duration{}, fmt.Errorf("%q is not a duration: write a number and a unit, like 60m, 1h or 30d", s)
	}
	unit := s[len(s)-1:]
	if _, ok := unitSeconds[unit]; !ok {
		if unit >= "0" && unit <= "9" {
			return Duration{}, fmt.Errorf("%q has no unit: end it with s, m, h or d (like 1h or 30d)", s)
		}
		return Duration{}, fmt.Errorf("%q has an unknown unit %q: end it with s, m, h or d (like 1h or 30d)", s, unit)
	}
	n, err := strconv.Atoi(s[:len(s)-1])
	if err != nil || n < 0 {
		return Duration{}, fmt.Errorf("%q is not a duration: write a whole number and a unit, like 60m, 1h or 30d", s)
	}
	return Duration{Value: n, Unit: unit}, nil
}

// IsZero reports whether the duration is unset.
func (d Duration) IsZero() bool { return d.Unit == "" }

// Seconds is the length in seconds, for comparisons across units.
func (d Duration) Seconds() int64 { return int64(d.Value) * unitSeconds[d.Unit] }

// UnitName is Cognito's TimeUnitsType value: seconds, minutes, hours or days.
func (d Duration) UnitName() string { return unitNames[d.Unit] }

// String writes the duration as it is spelled in the file.
func (d Duration) String() string {
	if d.IsZero() {
		return ""
	}
	return strconv.Itoa(d.Value) + d.Unit
}

// DurationFromUnit builds a Duration from Cognito's value and unit name.
func DurationFromUnit(value int, unitName string) Duration {
	for k, v := range unitNames {
		if v == unitName {
			return Duration{Value: value, Unit: k}
		}
	}
	return Duration{Value: value, Unit: "h"}
}

// MarshalText implements encoding.TextMarshaler (YAML and JSON).
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler (YAML and JSON).
func (d *Duration) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Duration{}
		return nil
	}
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
