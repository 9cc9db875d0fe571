package wizard

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/cogwiz/cogwiz/internal/config"
)

// Names are the generated names of a new file. plan and apply find the
// pool by resource_name, so two projects on one AWS account must never get
// the same one: like Amplify's sharedId, each name ends in 8 random hex
// characters, after a stem taken from the project's directory.
type Names struct {
	ResourceName     string
	PoolName         string
	IdentityPoolName string
	// DomainPrefix is global per region (every AWS account shares the
	// namespace) and cannot be renamed in place, so it carries the suffix too.
	DomainPrefix string
}

// stemMax keeps the stem short enough for every name: a domain prefix has
// at most 63 characters, so stem + "-" + 8 hex always fits.
const stemMax = 32

// NewNames derives the names from the base name of dir and 4 bytes read
// from rnd (crypto/rand when nil; tests pass a fixed reader). A directory
// "shop" with suffix 1a2b3c4d gives shopauth1a2b3c4d, shopuserpool1a2b3c4d,
// shop_identitypool_1a2b3c4d and shop-1a2b3c4d.
func NewNames(dir string, rnd io.Reader) (Names, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	b := make([]byte, 4)
	if _, err := io.ReadFull(rnd, b); err != nil {
		return Names{}, fmt.Errorf("generating a unique name: %w", err)
	}
	id := hex.EncodeToString(b)
	stem := Stem(filepath.Base(dir))
	return Names{
		ResourceName:     stem + "auth" + id,
		PoolName:         stem + "userpool" + id,
		IdentityPoolName: stem + "_identitypool_" + id,
		DomainPrefix:     stem + "-" + id,
	}, nil
}

// NamesFor derives the names of a new file at path from the directory
// that holds it (the project's directory, as Amplify uses the project name).
func NamesFor(path string, rnd io.Reader) (Names, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = path
	}
	return NewNames(filepath.Dir(abs), rnd)
}

// Stem turns a directory name into the start of every generated name:
// lower-case letters and digits only (the one alphabet that resource names,
// pool names, identity pool names and domain prefixes all accept), without
// the words a domain prefix may not contain (aws, amazon, cognito), at most
// 32 characters, and "app" when nothing is left.
// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain-prefix.html
func Stem(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	s := b.String()
	for changed := true; changed; {
		changed = false
		for _, w := range config.ReservedDomainWords {
			if strings.Contains(s, w) {
				s = strings.ReplaceAll(s, w, "")
				changed = true
			}
		}
	}
	if len(s) > stemMax {
		s = s[:stemMax]
	}
	if s == "" {
		s = "app"
	}
	return s
}

// defaultNames stand in when the caller gave none (library use, tests that
// do not care about names): stable, but still valid.
var defaultNames = Names{
	ResourceName:     "appauth00000000",
	PoolName:         "appuserpool00000000",
	IdentityPoolName: "app_identitypool_00000000",
	DomainPrefix:     "app-00000000",
}

// DefaultConfig is the file Amplify's "Default configuration" builds, and
// the one `cogwiz init --defaults` writes: the recommended user pool with
// the project's own names, an identity pool beside it (Amplify's Default
// always makes both), and no hosted UI: no OAuth settings, no domain.
func DefaultConfig(n Names) *config.Config {
	c := config.Recommended()
	applyNames(c, n)
	c.Mode = config.ModeDefault
	c.Services = config.ServicesUserPoolIdentityPool
	c.IdentityPool = &config.IdentityPool{Name: n.IdentityPoolName}
	for i := range c.AppClients {
		c.AppClients[i].OAuth = nil
	}
	c.Domain = nil
	return c
}

func applyNames(c *config.Config, n Names) {
	c.ResourceName = n.ResourceName
	c.UserPool.Name = n.PoolName
}
