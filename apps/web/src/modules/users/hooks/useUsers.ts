import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateUser, UpdateUser } from '@sen/contracts';
import { useApiClient } from '../../../lib/api-context';
import { createUser, listUsers, resetPassword, updateUser, userKeys } from '../api/users.api';

export function useUserList(limit: number, offset: number) {
  const client = useApiClient();
  return useQuery({
    queryKey: userKeys.list(limit, offset),
    queryFn: ({ signal }) => listUsers(client, limit, offset, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateUsers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: userKeys.all });
}

export function useCreateUser() {
  const client = useApiClient();
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: (body: CreateUser) => createUser(client, body), onSuccess: invalidate });
}

export function useUpdateUser() {
  const client = useApiClient();
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: ({ id, body }: { id: string; body: UpdateUser }) => updateUser(client, id, body), onSuccess: invalidate });
}

export function useResetPassword() {
  const client = useApiClient();
  const invalidate = useInvalidateUsers();
  return useMutation({ mutationFn: ({ id, password }: { id: string; password: string }) => resetPassword(client, id, password), onSuccess: invalidate });
}
