package users

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
)

// PageSize is the largest page ListUsers serves.
const PageSize = 60

// ListOptions says which users to stream and how fast.
type ListOptions struct {
	// Filter is a Cognito filter expression ("" = every user); build it with Query.Filter.
	Filter string
	// Limit stops after this many users; 0 means all.
	Limit int
	// Pacer spaces the page requests; nil means a fresh Pacer at ListUsersPerSecond.
	Pacer *Pacer
	// OnPage is called after each page with the running total (progress).
	OnPage func(total int)
}

// List streams the pool's users to fn one at a time, page by page, so that
// memory stays flat however large the pool is: only the current page is
// held. It returns how many users fn saw. An error from fn stops the
// stream and is returned as is.
//
// ListUsers pages hold at most 60 users and are chained with
// PaginationToken (not NextToken), and a page may be empty while more
// follow, so only a missing token ends the list.
// https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_ListUsers.html
func (s *Service) List(ctx context.Context, o ListOptions, fn func(User) error) (int, error) {
	pacer := o.Pacer
	if pacer == nil {
		pacer = NewPacer(ListUsersPerSecond, 1)
	}
	in := &cip.ListUsersInput{UserPoolId: aws.String(s.PoolID), Limit: aws.Int32(PageSize)}
	if o.Filter != "" {
		in.Filter = aws.String(o.Filter)
	}
	n := 0
	for {
		if o.Limit > 0 && o.Limit-n < PageSize {
			in.Limit = aws.Int32(int32(o.Limit - n))
		}
		if err := pacer.Wait(ctx); err != nil {
			return n, err
		}
		page, err := s.API.ListUsers(ctx, in)
		if err != nil {
			var ipe *types.InvalidParameterException
			if errors.As(err, &ipe) && o.Filter != "" {
				return n, &Error{Msg: fmt.Sprintf("listing users with filter %s: %s", o.Filter, aws.ToString(ipe.Message)), Hint: `check the filter: ATTRIBUTE = "VALUE" or ATTRIBUTE ^= "VALUE"`, Err: err}
			}
			return n, s.wrap("listing users", "", err)
		}
		for _, u := range page.Users {
			if err := fn(FromListed(u)); err != nil {
				return n, err
			}
			n++
			if o.Limit > 0 && n >= o.Limit {
				return n, nil
			}
		}
		if o.OnPage != nil {
			o.OnPage(n)
		}
		if aws.ToString(page.PaginationToken) == "" {
			return n, nil
		}
		in.PaginationToken = page.PaginationToken
	}
}

// Count returns how many users match filter, paging through them all.
func (s *Service) Count(ctx context.Context, filter string) (int, error) {
	return s.List(ctx, ListOptions{Filter: filter}, func(User) error { return nil })
}
