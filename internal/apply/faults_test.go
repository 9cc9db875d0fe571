package apply_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/awsfake"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

// faultOptions point at the emulator with short waits: an injected stall
// ends after two seconds (the emulator answers in milliseconds, even when
// busy), a retry comes after a few.
func faultOptions(s interface{ Options() cognito.Options }) cognito.Options {
	o := s.Options()
	o.RetryMaxBackoff = 5 * time.Millisecond
	o.Timeouts = cognito.Timeouts{Attempt: 2 * time.Second, Call: 20 * time.Second}
	return o
}

// exactlyOnePool checks that cfg's pool exists once, by name and by tag,
// and returns its id.
func exactlyOnePool(t *testing.T, api cognito.API, cfg *config.Config) string {
	t.Helper()
	ctx := context.Background()
	var named, tagged []string
	p := cip.NewListUserPoolsPaginator(api, &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, pl := range page.UserPools {
			if aws.ToString(pl.Name) != cfg.UserPool.Name {
				continue
			}
			named = append(named, aws.ToString(pl.Id))
			d, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: pl.Id})
			if err != nil {
				t.Fatal(err)
			}
			if d.UserPool.UserPoolTags[cognito.TagResourceName] == cfg.ResourceName {
				tagged = append(tagged, aws.ToString(pl.Id))
			}
		}
	}
	if len(named) != 1 || len(tagged) != 1 {
		t.Fatalf("pools named %s: %v, tagged %s: %v; want exactly one", cfg.UserPool.Name, named, cfg.ResourceName, tagged)
	}
	return named[0]
}

// exactlyOne checks that cfg's pool exists once (by name and by tag) and
// holds each of its clients and groups once.
func exactlyOne(t *testing.T, api cognito.API, cfg *config.Config) {
	t.Helper()
	ctx := context.Background()
	id := exactlyOnePool(t, api, cfg)
	clients, err := api.ListUserPoolClients(ctx, &cip.ListUserPoolClientsInput{UserPoolId: aws.String(id), MaxResults: aws.Int32(60)})
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, c := range clients.UserPoolClients {
		count[aws.ToString(c.ClientName)]++
	}
	for _, c := range cfg.AppClients {
		if count[c.Name] != 1 {
			t.Errorf("%d clients named %s, want 1", count[c.Name], c.Name)
		}
	}
	if len(clients.UserPoolClients) != len(cfg.AppClients) {
		t.Errorf("%d clients, want %d", len(clients.UserPoolClients), len(cfg.AppClients))
	}
	groups, err := api.ListGroups(ctx, &cip.ListGroupsInput{UserPoolId: aws.String(id)})
	if err != nil {
		t.Fatal(err)
	}
	if len(groups.Groups) != len(cfg.UserPool.Groups) {
		t.Errorf("%d groups, want %d", len(groups.Groups), len(cfg.UserPool.Groups))
	}
}

// sends counts the requests of op whose body names name (the pool, client
// or group the fault hit): every attempt on the wire is one.
func sends(rec *awsfake.Transport, op, name string) int {
	n := 0
	for _, c := range rec.Calls() {
		if c.Op == op && strings.Contains(string(c.Input), fmt.Sprintf("%q", name)) {
			n++
		}
	}
	return n
}

// Under every fault on every create, against cognito-local: the create is
// sent once (twice only after throttling, which Cognito refuses before
// doing anything); apply either finishes with exactly one pool and one of
// each client and group, or stops; and running it again finishes with
// exactly one of each and nothing left to change.
func TestCreatesUnderFaults(t *testing.T) {
	t.Parallel()
	// Its own emulator: a first apply reads every pool when none with the
	// file's name is tagged, so a crowded shared one would cost more.
	s := emulator.Start(t)
	creates := []struct {
		op   string
		nth  int
		name func(*config.Config) string
	}{
		{"CreateUserPool", 0, func(c *config.Config) string { return c.UserPool.Name }},
		{"CreateUserPoolClient", 0, func(c *config.Config) string { return c.AppClients[0].Name }},
		{"CreateUserPoolClient", 1, func(c *config.Config) string { return c.AppClients[1].Name }},
		{"CreateGroup", 0, func(c *config.Config) string { return c.UserPool.Groups[0].Name }},
	}
	// The cases mostly wait (for a stall to time out, for the emulator), so
	// more of them run at once than -parallel's default of one per core.
	sem := make(chan struct{}, 16)
	var wg sync.WaitGroup
	defer wg.Wait()
	for i, cr := range creates {
		for j, f := range awsfake.Faults {
			wg.Add(1)
			sem <- struct{}{}
			go t.Run(fmt.Sprintf("%s#%d/%s", cr.op, cr.nth, f), func(t *testing.T) {
				defer wg.Done()
				defer func() { <-sem }()
				api, rec := cognitofake.Connect(t, faultOptions(s))
				// A pool, two clients and a group: every kind of create the
				// emulator has, and few other calls.
				cfg := cognitofake.FullConfig(fmt.Sprintf("Fault%d%d", i, j))
				cfg.UserPool.MFA, cfg.UserPool.Groups = nil, cfg.UserPool.Groups[:1]
				rec.Fault = awsfake.Once(cr.op, cr.nth, f)
				_, _, err := applyOnceWith(t, api, cfg, 1)
				want := 1
				if f == awsfake.Throttle {
					want = 2
				}
				if got := sends(rec, cr.op, cr.name(cfg)); got != want {
					t.Errorf("%s %s went out %d times, want %d (apply: %v)", cr.op, cr.name(cfg), got, want, err)
				}
				if err == nil {
					// A finished apply never leaves a duplicate behind.
					exactlyOne(t, api, cfg)
				}
				rec.Fault = nil
				if _, _, err := applyOnceWith(t, api, cfg, 1); err != nil {
					t.Fatalf("re-run: %v", err)
				}
				exactlyOne(t, api, cfg)
				_, p, err := prepare(api, cfg)
				if err != nil {
					t.Fatal(err)
				}
				if p.HasChanges() {
					t.Errorf("plan after the re-run: %+v", p.Changes)
				}
			})
		}
	}
}

// AddCustomAttributes whose answer is lost after Cognito added the
// attribute is done, not "fix the file": apply reads the pool and finds
// the attribute there (against cognito-local, which refuses a duplicate as
// Cognito does).
func TestAddCustomAttributesAnswerLost(t *testing.T) {
	t.Parallel()
	s := sharedEmulator(t)
	for _, f := range []awsfake.Fault{awsfake.LoseReply, awsfake.Fail500Applied} {
		api, rec := cognitofake.Connect(t, faultOptions(s))
		cfg := cognitofake.FullConfig("Attr" + strings.ReplaceAll(f.String(), " ", ""))
		cfg.UserPool.MFA = nil
		if _, _, err := applyOnceWith(t, api, cfg, 0); err != nil {
			t.Fatal(err)
		}
		cfg.UserPool.Attributes.Custom = append(cfg.UserPool.Attributes.Custom, config.CustomAttribute{Name: "plan", Type: "String"})
		rec.Fault = awsfake.Once("AddCustomAttributes", 0, f)
		if _, _, err := applyOnceWith(t, api, cfg, 0); err != nil {
			t.Fatalf("%s: apply: %v", f, err)
		}
		if n := rec.Count("AddCustomAttributes"); n != 1 {
			t.Errorf("%s: AddCustomAttributes went out %d times", f, n)
		}
		if _, p, err := prepare(api, cfg); err != nil || p.HasChanges() {
			t.Errorf("%s: plan after: %v %+v", f, err, p)
		}
	}
}
