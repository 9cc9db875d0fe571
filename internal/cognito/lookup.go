package cognito

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

	"github.com/cogwiz/cogwiz/internal/config"
)

// PoolRef names a pool seen during a lookup.
type PoolRef struct {
	ID, Name     string
	ResourceName string // its cogwiz:resource-name tag, "" when it has none
	Created      time.Time
}

func (r PoolRef) String() string {
	s := fmt.Sprintf("%s (%s", r.ID, r.Name)
	if r.ResourceName != "" {
		s += ", " + TagResourceName + "=" + r.ResourceName
	}
	if !r.Created.IsZero() {
		s += ", created " + r.Created.UTC().Format(time.RFC3339)
	}
	return s + ")"
}

// Lookup is what FindPool found, and how.
type Lookup struct {
	// ID is the file's pool; empty when there is none yet.
	ID string
	// How says why this pool is the file's: its pin, or its tag and name.
	How string
	// Twins are pools with the file's user_pool.name and no
	// cogwiz:resource-name tag at all, seen when the file's pool was not
	// found. Creating another pool beside one of them would make a twin.
	Twins []PoolRef
	// Listed and Described count the pools listed and described.
	Listed, Described int
}

// FindPool finds the pool cfg describes without describing every pool in
// the account:
//
//   - a pool pinned by user_pool.id is described and taken;
//   - otherwise the pools are listed (names only, 60 a page), and those
//     named like the file's user_pool.name are described: the one tagged
//     cogwiz:resource-name=<resource_name> is the file's pool;
//   - only when none of them carries the tag (a pool renamed since, or no
//     pool yet) are the other pools described too, so that a renamed pool
//     is found rather than created a second time.
//
// Two pools carrying the tag are an error that lists them (pin one with
// user_pool.id); so is a pinned id that does not exist.
func FindPool(ctx context.Context, api API, cfg *config.Config) (*Lookup, error) {
	l := &Lookup{}
	if id := cfg.UserPool.ID; id != "" {
		l.Described++
		out, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(id)})
		if err != nil {
			if IsNotFound(err) {
				return l, nil
			}
			return nil, fmt.Errorf("describing user pool %s: %w", id, err)
		}
		l.ID = id
		l.How = fmt.Sprintf("pinned by user_pool.id (its name is %s)", aws.ToString(out.UserPool.Name))
		return l, nil
	}
	if cfg.ResourceName == "" {
		// An empty name would match every untagged pool in the account.
		return nil, fmt.Errorf("resource_name is empty: set it (it tags the pool so cogwiz finds it again) or pin the pool with user_pool.id")
	}
	all, err := listPools(ctx, api)
	if err != nil {
		return nil, err
	}
	l.Listed = len(all)
	named, rest := splitByName(all, cfg.UserPool.Name)
	tagged, err := l.describe(ctx, api, named)
	if err != nil {
		return nil, err
	}
	var mine []PoolRef
	for _, p := range tagged {
		switch p.ResourceName {
		case cfg.ResourceName:
			mine = append(mine, p)
		case "":
			l.Twins = append(l.Twins, p)
		}
	}
	how := fmt.Sprintf("tagged %s=%s and named %s", TagResourceName, cfg.ResourceName, cfg.UserPool.Name)
	if len(mine) == 0 {
		others, err := l.describe(ctx, api, rest)
		if err != nil {
			return nil, err
		}
		for _, p := range others {
			if p.ResourceName == cfg.ResourceName {
				mine = append(mine, p)
			}
		}
		how = fmt.Sprintf("tagged %s=%s", TagResourceName, cfg.ResourceName)
	}
	switch len(mine) {
	case 0:
		return l, nil
	case 1:
		l.ID, l.Twins = mine[0].ID, nil
		l.How = how
		if mine[0].Name != cfg.UserPool.Name {
			l.How += fmt.Sprintf(" (its name is %s)", mine[0].Name)
		}
		return l, nil
	}
	return nil, &SeveralPoolsError{ResourceName: cfg.ResourceName, Pools: mine}
}

// SeveralPoolsError: more than one pool carries the file's tag.
type SeveralPoolsError struct {
	ResourceName string
	Pools        []PoolRef
}

func (e *SeveralPoolsError) Error() string {
	list := make([]string, len(e.Pools))
	for i, p := range e.Pools {
		list[i] = p.String()
	}
	return fmt.Sprintf("%d user pools are tagged %s=%s: %s", len(e.Pools), TagResourceName, e.ResourceName, strings.Join(list, "; "))
}

// Hint is the way out.
func (e *SeveralPoolsError) Hint() string {
	return "pin the one this file manages with user_pool.id (or --pool-id); delete the other after checking it holds no users"
}

// listPools lists every pool: names, ids and creation dates, no tags.
func listPools(ctx context.Context, api API) ([]PoolRef, error) {
	var out []PoolRef
	p := cip.NewListUserPoolsPaginator(api, &cip.ListUserPoolsInput{MaxResults: aws.Int32(60)})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("listing user pools: %w", err)
		}
		for _, d := range page.UserPools {
			out = append(out, PoolRef{ID: aws.ToString(d.Id), Name: aws.ToString(d.Name), Created: aws.ToTime(d.CreationDate)})
		}
	}
	return out, nil
}

// describeParallel bounds the describes of a scan that run at once.
const describeParallel = 4

// describe reads the tags of pools (a few at a time), dropping pools
// deleted since they were listed.
func (l *Lookup) describe(ctx context.Context, api API, pools []PoolRef) ([]PoolRef, error) {
	out := make([]PoolRef, len(pools))
	keep := make([]bool, len(pools))
	errs := make([]error, len(pools))
	sem := make(chan struct{}, describeParallel)
	var wg sync.WaitGroup
	for i, p := range pools {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			d, err := api.DescribeUserPool(ctx, &cip.DescribeUserPoolInput{UserPoolId: aws.String(p.ID)})
			switch {
			case IsNotFound(err):
			case err != nil:
				errs[i] = fmt.Errorf("describing user pool %s: %w", p.ID, err)
			default:
				p.ResourceName = d.UserPool.UserPoolTags[TagResourceName]
				if c := d.UserPool.CreationDate; c != nil {
					p.Created = *c
				}
				out[i], keep[i] = p, true
			}
		}()
	}
	wg.Wait()
	l.Described += len(pools)
	var kept []PoolRef
	for i := range pools {
		if errs[i] != nil {
			return nil, errs[i]
		}
		if keep[i] {
			kept = append(kept, out[i])
		}
	}
	// Oldest first, ties by id: every apply of one file sees one order.
	sort.SliceStable(kept, func(i, j int) bool {
		if !kept[i].Created.Equal(kept[j].Created) {
			return kept[i].Created.Before(kept[j].Created)
		}
		return kept[i].ID < kept[j].ID
	})
	return kept, nil
}

// splitByName splits pools into those named name and the rest.
func splitByName(pools []PoolRef, name string) (named, rest []PoolRef) {
	for _, p := range pools {
		if p.Name == name {
			named = append(named, p)
		} else {
			rest = append(rest, p)
		}
	}
	return named, rest
}

// TaggedPools returns the pools with cfg's user_pool.name that carry its
// resource_name tag, oldest first (by creation date, then id): what two
// applies of one file that each created a pool at the same moment both see.
func TaggedPools(ctx context.Context, api API, cfg *config.Config) ([]PoolRef, error) {
	all, err := listPools(ctx, api)
	if err != nil {
		return nil, err
	}
	named, _ := splitByName(all, cfg.UserPool.Name)
	l := &Lookup{}
	described, err := l.describe(ctx, api, named)
	if err != nil {
		return nil, err
	}
	var out []PoolRef
	for _, p := range described {
		if p.ResourceName == cfg.ResourceName {
			out = append(out, p)
		}
	}
	return out, nil
}

// DeleteNewPool deletes a pool this run has just created and nothing uses
// yet, turning deletion protection off first when the file asked for it.
func DeleteNewPool(ctx context.Context, api API, poolID string) error {
	sum, err := DescribePool(ctx, api, poolID)
	if err != nil {
		return err
	}
	if sum.DeletionProtection {
		if err := DisableDeletionProtection(ctx, api, poolID); err != nil {
			return err
		}
	}
	return DeletePool(ctx, api, poolID, sum.Domain)
}
