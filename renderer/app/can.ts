import { useCallback } from 'react';
import type { ChannelName } from '../../electron/contract';
import { channelFacts } from '../api/channel-facts/index';
import { useAuth } from './auth-context';

/**
 * `can(channel)`: may the signed-in user make this call, by the roles the contract gives the channel. Screens
 * show an edit or act button when it is true; the core checks the same roles again on every call.
 */
export function useCan(): (channel: ChannelName) => boolean {
  const { state } = useAuth();
  const role = state.phase === 'ready' ? state.user.role : null;
  return useCallback((channel: ChannelName) => role !== null && channelFacts[channel].roles.includes(role), [role]);
}
