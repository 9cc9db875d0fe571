package apply_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/apply"
	"github.com/cogwiz/cogwiz/internal/cognito"
	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/plan"
)

// seedPools makes n pools that are not the file's, some tagged by other
// projects.
func seedPools(t *testing.T, api cognito.API, n int) {
	t.Helper()
	for i := 0; i < n; i++ {
		in := &cip.CreateUserPoolInput{PoolName: aws.String(fmt.Sprintf("Other%03d", i))}
		if i%3 == 0 {
			in.UserPoolTags = map[string]string{cognito.TagResourceName: fmt.Sprintf("other%d", i)}
		}
		if _, err := api.CreateUserPool(context.Background(), in); err != nil {
			t.Fatal(err)
		}
	}
}

// In an account with 100 other pools, planning an existing pool lists the
// pools (two pages) and describes only the one with the file's name — not
// every pool in the account.
func TestPlanAmongAHundredPoolsDescribesOne(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	seedPools(t, api, 50)
	cfg := cognitofake.FullConfig("Crowd")
	if _, _, err := applyOnce(t, api, cfg); err != nil {
		t.Fatal(err)
	}
	seedPools(t, api, 50)
	rec.Reset()
	_, p, err := prepare(api, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if p.HasChanges() {
		t.Fatalf("plan: %+v", p.Changes)
	}
	// One describe finds the pool, one reads it for the plan.
	if n := rec.Count("DescribeUserPool"); n > 2 {
		t.Errorf("plan made %d DescribeUserPool calls among 101 pools, want at most 2", n)
	}
	if n := rec.Count("ListUserPools"); n != 2 {
		t.Errorf("%d ListUserPools pages, want 2 (60 a page)", n)
	}
	if !strings.Contains(p.Found, "tagged cogwiz:resource-name=Crowd and named CrowdPool") {
		t.Errorf("found = %q", p.Found)
	}
}

// A pool renamed outside cogwiz is still found by its tag (the other
// pools are described then, which is the price of the rename), and the
// plan puts the file's name back.
func TestRenamedPoolIsFoundByItsTag(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	seedPools(t, api, 10)
	cfg := cognitofake.FullConfig("Renamed")
	_, res := mustApply(t, api, cfg)
	in, err := cognito.ExpandUpdateUserPool(context.Background(), api, res.PoolID, cfg, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	in.PoolName = aws.String("RenamedInTheConsole")
	for k, v := range res.State.Config.UserPool.Tags {
		in.UserPoolTags[k] = v
	}
	in.UserPoolTags[cognito.TagResourceName] = "Renamed"
	if _, err := api.UpdateUserPool(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	rec.Reset()
	_, p, err := prepare(api, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if p.PoolID != res.PoolID || len(p.Changes) == 0 || p.Changes[0].Path != "user_pool.name" {
		t.Fatalf("plan = %s %+v, want the name put back on %s", p.PoolID, p.Changes, res.PoolID)
	}
	if !strings.Contains(p.Found, "its name is RenamedInTheConsole") {
		t.Errorf("found = %q", p.Found)
	}
	if n := rec.Count("DescribeUserPool"); n != 12 {
		t.Errorf("%d describes, want 11 (every pool) + 1 (reading it)", n)
	}
}

// Two pools with the file's tag: plan refuses and lists both, with the
// way out.
func TestSeveralTaggedPoolsAreRefusedAndListed(t *testing.T) {
	t.Parallel()
	api := cognitofake.New(t).Client(t)
	var ids []string
	for i := 0; i < 2; i++ {
		out, err := api.CreateUserPool(context.Background(), &cip.CreateUserPoolInput{PoolName: aws.String("TwicePool"), UserPoolTags: map[string]string{cognito.TagResourceName: "Twice"}})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, aws.ToString(out.UserPool.Id))
	}
	_, _, err := prepare(api, cognitofake.FullConfig("Twice"))
	var several *cognito.SeveralPoolsError
	if !errors.As(err, &several) {
		t.Fatalf("err = %v, want the pools listed", err)
	}
	for _, id := range ids {
		if !strings.Contains(err.Error(), id) {
			t.Errorf("%q does not name %s", err, id)
		}
	}
	if !strings.Contains(several.Hint(), "user_pool.id") {
		t.Errorf("hint = %q", several.Hint())
	}
}

// A pool with the file's name but without cogwiz's tag (the tag was
// removed) blocks the create with the way out; apply makes no call.
func TestUntaggedTwinBlocksTheCreate(t *testing.T) {
	t.Parallel()
	fake := cognitofake.New(t)
	api, rec := cognitofake.Connect(t, fake.Options())
	cfg := cognitofake.FullConfig("Twin")
	out, err := api.CreateUserPool(context.Background(), &cip.CreateUserPoolInput{PoolName: aws.String(cfg.UserPool.Name)})
	if err != nil {
		t.Fatal(err)
	}
	rec.Reset()
	p, _, err := applyOnce(t, api, cfg)
	if err == nil {
		t.Fatal("apply created a twin")
	}
	b := p.Blocked()
	if len(b) != 1 || b[0].Kind != plan.KindPool {
		t.Fatalf("blocked = %+v", b)
	}
	id := aws.ToString(out.UserPool.Id)
	for _, want := range []string{"cogwiz import pool " + id, "user_pool.id: " + id} {
		if !strings.Contains(b[0].Reason, want) {
			t.Errorf("reason %q lacks %q", b[0].Reason, want)
		}
	}
	if w := rec.Writes(); len(w) != 0 || len(fake.PoolIDs()) != 1 {
		t.Errorf("writes %v, pools %v", rec.Ops(), fake.PoolIDs())
	}
	// Pinned, the same pool is adopted.
	cfg.UserPool.ID = id
	if _, p, err := apply.Prepare(context.Background(), api, cfg, noEnv); err != nil || p.PoolID != id || !strings.Contains(p.Found, "pinned by user_pool.id") {
		t.Fatalf("pinned: %v %+v", err, p)
	}
}
